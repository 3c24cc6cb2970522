package org.qcchain.chaincode.model;

/**
 * A data subject's own signature over the consent terms.
 *
 * @param certificate PEM certificate issued to the subject by the identity provider's CA; its
 *     common name is the subject's pseudonym
 * @param signature base64 signature over the canonical JSON of the {@link ConsentTerms}
 */
public record SubjectSignature(String certificate, String signature) {}
