package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.qcchain.common.json.Json;
import org.qcchain.node.ledger.LedgerBackend;

/**
 * {@code POST /v1/ledger/verify} (AUDITOR, OPERATOR): checks the whole ledger (hash chain, block
 * and proposal signatures, replayed world state) and answers {@code {intact, height, ...}}; when
 * not intact, {@code block} and {@code problem} name the first block that fails. A POST because it
 * is expensive and should not be fetched by accident or cached.
 */
final class LedgerVerifyHandler implements Handler<RoutingContext> {

    private final NodeServices services;

    LedgerVerifyHandler(NodeServices services) {
        this.services = services;
    }

    @Override
    public void handle(RoutingContext ctx) {
        LedgerBackend ledger = services.ledger();
        Blocking.answerJson(ctx, () -> Json.write(ledger.verify()));
    }
}
