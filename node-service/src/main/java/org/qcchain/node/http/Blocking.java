package org.qcchain.node.http;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;

/**
 * Runs ledger and store work on a worker thread and answers from the event loop: every ledger
 * call blocks (disk, signatures, waiting for a block), and the event loop must never wait.
 */
final class Blocking {

    private Blocking() {}

    /**
     * Runs {@code work} on a worker, then writes its JSON text as a 200 answer; a failure goes to
     * the problem handler.
     *
     * @return the work's outcome, for a caller that must know when it has ended
     */
    static Future<String> answerJson(RoutingContext ctx, Callable<String> work) {
        return answerJson(ctx, 200, work);
    }

    /** {@link #answerJson(RoutingContext, Callable)} with another success status, e.g. 201. */
    static Future<String> answerJson(RoutingContext ctx, int status, Callable<String> work) {
        return ctx.vertx().executeBlocking(work, false)
                .onSuccess(json -> Responses.jsonText(ctx, status, json))
                .onFailure(ctx::fail);
    }
}
