package org.qcchain.node.http;

import io.vertx.ext.web.RoutingContext;
import java.lang.System.Logger.Level;
import org.qcchain.chaincode.model.SignedAccessRequest;
import org.qcchain.node.answer.DataRequestService;

/**
 * Answers a signed data request on a worker: the ledger decides and records it, a grant is sent
 * as the signed {@code qcchain-answer/1} envelope with its access id in {@code X-Qc-Access-Id}, and
 * the delivery (the answer's hash) is recorded afterwards; a denial or failure goes to the problem
 * handler. Shared by the routes that carry a signed request to the ledger.
 */
final class GrantedAnswers {

    private static final System.Logger LOG = System.getLogger(GrantedAnswers.class.getName());

    private GrantedAnswers() {}

    static void answer(RoutingContext ctx, DataRequestService service, SignedAccessRequest signed) {
        ctx.vertx().executeBlocking(() -> service.request(signed), false)
                .onSuccess(granted -> {
                    ctx.response().putHeader("X-Qc-Access-Id", granted.accessId());
                    Responses.jsonText(ctx, 200, granted.json());
                    ctx.vertx().executeBlocking(() -> {
                        service.recordDelivery(granted);
                        return null;
                    }, false).onFailure(e -> LOG.log(Level.WARNING, "delivery of access "
                            + granted.accessId() + " not recorded: " + e.getMessage()));
                })
                .onFailure(ctx::fail);
    }
}
