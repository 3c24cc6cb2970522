package org.qcchain.node.http;

/**
 * {@code POST /v1/consents/{id}/revoke} (IDENTITY_PROVIDER that recorded the consent): revokes a
 * consent for good; every later request on it is denied CONSENT_REVOKED. Submits {@code
 * Consents:revokeConsent}, directly or relayed (see {@link ConsentChangeHandler}).
 */
final class ConsentRevokeHandler extends ConsentChangeHandler {

    ConsentRevokeHandler(NodeServices services) {
        super(services, "Consents:revokeConsent");
    }
}
