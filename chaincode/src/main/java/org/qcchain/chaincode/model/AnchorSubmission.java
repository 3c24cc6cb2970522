package org.qcchain.chaincode.model;

/**
 * A provider's request to anchor a batch (argument).
 *
 * @param statement what is anchored, and what {@code signature} covers
 * @param certificate PEM certificate of the signer, issued by one of the provider's CAs
 * @param signature base64 signature over the canonical JSON of {@code statement}
 */
public record AnchorSubmission(AnchorStatement statement, String certificate, String signature) {}
