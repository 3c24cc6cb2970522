package org.qcchain.node.http;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.qcchain.chaincode.model.AgreementProposal;
import org.qcchain.common.json.Json;

/**
 * {@code POST /v1/agreements} (CONSUMER): asks a dataset's provider for an agreement with {@code
 * Agreements:requestAgreement}; 201 with the PENDING Agreement. The body is the chaincode's {@code
 * AgreementProposal} {@code {agreementId, datasetId, fields, purposes, validFrom, validUntil}}, from
 * the node's own organisation only, or the consumer's signed command for that function, which the
 * node relays ({@link PartyWriteHandler}).
 */
final class AgreementRequestHandler extends PartyWriteHandler {

    AgreementRequestHandler(NodeServices services) {
        super(services, "Agreements:requestAgreement", 201);
    }

    @Override
    String[] directArgs(RoutingContext ctx) {
        return new String[] {Json.write(JsonBodies.read(ctx, AgreementProposal.class))};
    }

    @Override
    void checkRelayedArgs(RoutingContext ctx, List<String> args) {
        requireArity(args, 1);
    }
}
