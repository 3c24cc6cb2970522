package org.qcchain.node.http;

/**
 * {@code POST /v1/agreements/{id}/terminate} (CONSUMER or PROVIDER party to the agreement): ends a
 * pending or active agreement with {@code Agreements:terminateAgreement}; later requests under it
 * are denied AGREEMENT_NOT_ACTIVE. Directly or relayed (see {@link AgreementEndingHandler}).
 */
final class AgreementTerminateHandler extends AgreementEndingHandler {

    AgreementTerminateHandler(NodeServices services) {
        super(services, "Agreements:terminateAgreement");
    }
}
