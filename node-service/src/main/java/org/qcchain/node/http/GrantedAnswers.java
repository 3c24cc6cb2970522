package org.qcchain.node.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.qcchain.chaincode.model.SignedAccessRequest;
import org.qcchain.node.answer.DataRequestService;

/**
 * Answers a signed data request without holding a thread while the ledger commits: the submit is
 * prepared and the answer built on Vert.x workers, the waits for the block and for the receipt's
 * disk sync hold none. A grant is sent as the signed {@code qcchain-answer/1} envelope with its
 * access id in {@code X-Qc-Access-Id}, once its delivery receipt is kept (the receipt reaches the
 * ledger afterwards, see {@code DeliveryRecorder}); a denial or failure goes to the problem
 * handler. Shared by the routes that carry a signed request to the ledger.
 */
final class GrantedAnswers {

    private GrantedAnswers() {}

    static void answer(RoutingContext ctx, DataRequestService service, SignedAccessRequest signed) {
        Context context = ctx.vertx().getOrCreateContext();
        Executor workers = task -> context.executeBlocking(() -> {
            task.run();
            return null;
        }, false);
        Future.fromCompletionStage(service.request(signed, workers), context)
                .onSuccess(granted -> {
                    ctx.response().putHeader("X-Qc-Access-Id", granted.accessId());
                    Responses.jsonText(ctx, 200, granted.json());
                })
                .onFailure(failure -> ctx.fail(unwrapped(failure)));
    }

    private static Throwable unwrapped(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
