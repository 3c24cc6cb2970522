package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.node.ApiException;
import org.qcchain.node.ledger.LedgerBackend;

/**
 * {@code GET /v1/blocks/{n}} (AUDITOR, OPERATOR): a block's signed header, hash, signature and its
 * transactions' ids, validation codes and hashes. A path that is not a number from 0 is {@code
 * INVALID_ARGUMENT} (400); a number at or past the ledger's height is {@code BLOCK_NOT_FOUND} (404).
 */
final class BlockHandler implements Handler<RoutingContext> {

    private final NodeServices services;

    BlockHandler(NodeServices services) {
        this.services = services;
    }

    @Override
    public void handle(RoutingContext ctx) {
        long number;
        try {
            number = Long.parseLong(ctx.pathParam("n"));
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number < 0) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "the block number must be an integer from 0");
        }
        LedgerBackend ledger = services.ledger();
        long wanted = number;
        Blocking.answerJson(ctx, () -> Json.write(ledger.block(wanted).orElseThrow(() ->
                new ApiException(ErrorCode.BLOCK_NOT_FOUND, "block " + wanted + " is past the end of the "
                        + "ledger (height " + ledger.height() + ")"))));
    }
}
