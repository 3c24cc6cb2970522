package org.qcchain.chaincode.model;

/**
 * A consumer's request with its signature (argument of {@code requestAccess}).
 *
 * @param certificate PEM certificate of the signer, issued by a CA of the consumer organisation
 * @param signature base64 signature over the canonical JSON of {@code request}
 */
public record SignedAccessRequest(AccessRequest request, String certificate, String signature) {}
