package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.qcchain.chaincode.model.ConsentStatusChange;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.node.ApiException;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerIdentity;

/**
 * {@code POST /v1/consents/{id}/revoke} (IDENTITY_PROVIDER, the node's own organisation only):
 * JSON body {@code {consentId?, reason?}} ({@code {}} will do), the consent id defaulting to the path's and refused if it
 * names another; submits {@code Consents:revokeConsent}. Revocation is final; the answer is the
 * Consent after the change.
 */
final class ConsentRevokeHandler implements Handler<RoutingContext> {

    private final NodeServices services;

    ConsentRevokeHandler(NodeServices services) {
        this.services = services;
    }

    @Override
    public void handle(RoutingContext ctx) {
        LedgerIdentity node = NodeActorPolicy.nodeActingFor(ctx, services);
        String id = ctx.pathParam("id");
        ConsentStatusChange body = JsonBodies.read(ctx, ConsentStatusChange.class);
        if (body.consentId() != null && !body.consentId().equals(id)) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "consentId " + body.consentId()
                    + " of the body is not the consent of the path, " + id);
        }
        String change = Json.write(new ConsentStatusChange(id, body.reason()));
        LedgerBackend ledger = services.ledger();
        Blocking.answerJson(ctx, () -> ledger.submit(node, "Consents:revokeConsent", change).payload());
    }
}
