package org.qcchain.node.http;

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
     */
    static void answerJson(RoutingContext ctx, Callable<String> work) {
        answerJson(ctx, 200, work);
    }

    /** {@link #answerJson(RoutingContext, Callable)} with another success status, e.g. 201. */
    static void answerJson(RoutingContext ctx, int status, Callable<String> work) {
        ctx.vertx().executeBlocking(work, false)
                .onSuccess(json -> Responses.jsonText(ctx, status, json))
                .onFailure(ctx::fail);
    }
}
