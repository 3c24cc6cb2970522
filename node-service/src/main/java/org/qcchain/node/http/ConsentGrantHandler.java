package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import org.qcchain.chaincode.model.ConsentGrant;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.node.ApiException;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerIdentity;

/**
 * {@code POST /v1/consents} (IDENTITY_PROVIDER, and only the node's own organisation, see {@link
 * NodeActorPolicy}): the body is the chaincode's {@code ConsentGrant} {@code {terms,
 * subjectSignature?}}, submitted as {@code Consents:grantConsent}; 201 with the stored Consent.
 */
final class ConsentGrantHandler implements Handler<RoutingContext> {

    private final NodeServices services;

    ConsentGrantHandler(NodeServices services) {
        this.services = services;
    }

    @Override
    public void handle(RoutingContext ctx) {
        LedgerIdentity node = NodeActorPolicy.nodeActingFor(ctx, services);
        ConsentGrant grant = JsonBodies.read(ctx, ConsentGrant.class);
        if (grant.terms() == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "terms is required");
        }
        // the body as sent, not re-serialised: a subject signature covers the terms as the app made them
        String body = new String(JsonBodies.bytes(ctx), StandardCharsets.UTF_8);
        LedgerBackend ledger = services.ledger();
        Blocking.answerJson(ctx, 201, () -> ledger.submit(node, "Consents:grantConsent", body).payload());
    }
}
