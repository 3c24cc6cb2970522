package org.qcchain.node.http;

/**
 * {@code POST /v1/agreements/{id}/reject} (PROVIDER of the agreement's dataset): rejects a pending
 * agreement with {@code Agreements:rejectAgreement}, directly or relayed (see {@link
 * AgreementEndingHandler}).
 */
final class AgreementRejectHandler extends AgreementEndingHandler {

    AgreementRejectHandler(NodeServices services) {
        super(services, "Agreements:rejectAgreement");
    }
}
