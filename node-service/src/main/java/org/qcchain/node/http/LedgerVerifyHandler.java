package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicBoolean;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.node.ApiException;
import org.qcchain.node.ledger.LedgerBackend;

/**
 * {@code POST /v1/ledger/verify} (AUDITOR, OPERATOR): checks the whole ledger (hash chain, block
 * and proposal signatures, replayed world state) and answers {@code {intact, height, ...}}; when
 * not intact, {@code block} and {@code problem} name the first block that fails. A POST because it
 * is expensive and should not be fetched by accident or cached.
 *
 * <p>One verification at a time: each replays the whole ledger in the node's memory (hundreds of
 * bytes per state key) and keeps a core busy for minutes on a large ledger, so calls made while
 * one runs are refused with 429 {@code RATE_LIMITED} rather than multiply that in the process that
 * answers data requests.
 */
final class LedgerVerifyHandler implements Handler<RoutingContext> {

    private final NodeServices services;
    private final AtomicBoolean running = new AtomicBoolean();

    LedgerVerifyHandler(NodeServices services) {
        this.services = services;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!running.compareAndSet(false, true)) {
            throw new ApiException(ErrorCode.RATE_LIMITED, "a verification of the ledger is running on this node;"
                    + " call again when it has ended");
        }
        LedgerBackend ledger = services.ledger();
        Blocking.answerJson(ctx, () -> Json.write(ledger.verify())).onComplete(ended -> running.set(false));
    }
}
