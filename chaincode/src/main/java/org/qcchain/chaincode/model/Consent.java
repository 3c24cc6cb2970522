package org.qcchain.chaincode.model;

/**
 * A recorded consent (授权).
 *
 * @param identityProviderMspId the identity provider that recorded it and acts for the subject
 * @param subjectSignature present when the subject signed the terms; verified when recorded
 */
public record Consent(
        ConsentTerms terms,
        String identityProviderMspId,
        SubjectSignature subjectSignature,
        ConsentStatus status,
        String grantedAt,
        String updatedAt,
        String statusReason) {

    public String consentId() {
        return terms.consentId();
    }

    public Consent withStatus(ConsentStatus newStatus, String at, String reason) {
        return new Consent(terms, identityProviderMspId, subjectSignature, newStatus, grantedAt, at, reason);
    }
}
