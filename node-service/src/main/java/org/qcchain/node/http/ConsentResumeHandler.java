package org.qcchain.node.http;

/**
 * {@code POST /v1/consents/{id}/resume} (IDENTITY_PROVIDER that recorded the consent): resumes a
 * paused consent. Submits {@code Consents:resumeConsent}, directly or relayed (see {@link
 * ConsentChangeHandler}).
 */
final class ConsentResumeHandler extends ConsentChangeHandler {

    ConsentResumeHandler(NodeServices services) {
        super(services, "Consents:resumeConsent");
    }
}
