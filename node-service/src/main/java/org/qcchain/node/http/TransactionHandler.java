package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.node.ApiException;
import org.qcchain.node.ledger.LedgerBackend;

/**
 * {@code GET /v1/transactions/{txId}} (AUDITOR, OPERATOR): where a transaction is, its validation
 * code, the chaincode's response status and message, and its evidence (docs/proof-format.md,
 * section 11). A txId that is not 64 lowercase hex characters is {@code INVALID_ARGUMENT} (400); a
 * well-formed id the ledger does not hold is {@code TRANSACTION_NOT_FOUND} (404).
 */
final class TransactionHandler implements Handler<RoutingContext> {

    private static final Pattern TX_ID = Pattern.compile("[0-9a-f]{64}");

    private final NodeServices services;

    TransactionHandler(NodeServices services) {
        this.services = services;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String txId = ctx.pathParam("txId");
        if (txId == null || !TX_ID.matcher(txId).matches()) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "txId must be 64 lowercase hex characters");
        }
        LedgerBackend ledger = services.ledger();
        Blocking.answerJson(ctx, () -> Json.write(ledger.transaction(txId).orElseThrow(() ->
                new ApiException(ErrorCode.TRANSACTION_NOT_FOUND, "no transaction " + txId + " on the ledger"))));
    }
}
