package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.qcchain.chaincode.model.Agreement;
import org.qcchain.common.json.Json;
import org.qcchain.node.auth.Caller;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerIdentity;

/**
 * {@code GET /v1/agreements/{id}}: one Agreement from {@code Agreements:getAgreement}, for its
 * parties, the operator and auditors ({@link AgreementReadPolicy}); 404 AGREEMENT_NOT_FOUND.
 */
final class AgreementGetHandler implements Handler<RoutingContext> {

    private final NodeServices services;

    AgreementGetHandler(NodeServices services) {
        this.services = services;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Caller caller = ctx.get(Caller.CONTEXT_KEY);
        String id = RecordIds.fromPath(ctx);
        LedgerBackend ledger = services.ledger();
        LedgerIdentity node = services.node();
        Blocking.answerJson(ctx, () -> {
            String json = ledger.evaluate(node, "Agreements:getAgreement", id);
            AgreementReadPolicy.requireCanRead(caller, Json.parse(json, Agreement.class));
            return json;
        });
    }
}
