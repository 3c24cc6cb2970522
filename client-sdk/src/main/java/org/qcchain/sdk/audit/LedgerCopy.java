package org.qcchain.sdk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.sdk.QcchainApiException;
import org.qcchain.sdk.QcchainClient;

/**
 * The chain as an auditor fetches it for {@link TrailCompleteness} (and {@code
 * ChainVerifier.verify(blocks, transactions)}): every block from 0 up to the node's height ({@code
 * GET /v1/blocks/{n}}), and each transaction an embedded block summarises, by id ({@code GET
 * /v1/transactions/{txId}}). Nothing is trusted yet: the check verifies it. A Fabric block lists
 * its transactions in its own bytes, so none is fetched for it.
 *
 * <p>Memory: the whole chain with every transaction's evidence; one round trip per block and per
 * transaction.
 *
 * @param blocks the blocks, block 0 first
 * @param transactions the fetched transactions, by id
 */
public record LedgerCopy(List<JsonNode> blocks, Map<String, JsonNode> transactions) {

    /** Copies the collections. */
    public LedgerCopy {
        blocks = List.copyOf(blocks);
        transactions = Map.copyOf(transactions);
    }

    /**
     * Fetches the chain from block 0 until the node answers {@code BLOCK_NOT_FOUND}.
     *
     * @param client an auditor's (or operator's) client
     * @return the copy
     * @throws QcchainApiException if the node refused a call
     * @throws IOException if the node cannot be reached
     */
    public static LedgerCopy fetch(QcchainClient client) throws QcchainApiException, IOException {
        Objects.requireNonNull(client, "client");
        List<JsonNode> blocks = new ArrayList<>();
        Map<String, JsonNode> transactions = new HashMap<>();
        for (long number = 0; ; number++) {
            JsonNode block;
            try {
                block = client.block(number);
            } catch (QcchainApiException e) {
                if (e.getErrorCode() == ErrorCode.BLOCK_NOT_FOUND && number > 0) {
                    break;
                }
                throw e;
            }
            blocks.add(block);
            if ("fabric".equals(block.path("ledger").asText())) {
                continue;
            }
            for (JsonNode summary : block.path("transactions")) {
                String txId = summary.path("txId").asText();
                if (!summary.has("proposal") && !transactions.containsKey(txId)) {
                    transactions.put(txId, client.transaction(txId));
                }
            }
        }
        return new LedgerCopy(blocks, transactions);
    }
}
