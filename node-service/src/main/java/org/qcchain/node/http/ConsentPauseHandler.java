package org.qcchain.node.http;

/**
 * {@code POST /v1/consents/{id}/pause} (IDENTITY_PROVIDER that recorded the consent): suspends an
 * active consent; requests on it are denied CONSENT_PAUSED until it is resumed. Submits {@code
 * Consents:pauseConsent}, directly or relayed (see {@link ConsentChangeHandler}).
 */
final class ConsentPauseHandler extends ConsentChangeHandler {

    ConsentPauseHandler(NodeServices services) {
        super(services, "Consents:pauseConsent");
    }
}
