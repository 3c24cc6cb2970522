package org.qcchain.sdk.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.qcchain.common.crypto.CryptoSuite;

/**
 * Ties an embedded chain's block summaries ({@code {txId, index, validationCode, hash}}, whose
 * hashes build the signed transactions root) to the transactions fetched by id ({@code GET
 * /v1/transactions/{txId}}): each fetched transaction is in the block and at the index its summary
 * names, and the canonical {@code evidence.transaction} object hashes to the summary's hash. Then
 * the id a summary shows is the id of the transaction the signed root covers.
 */
final class FetchedTransactions {

    private final CryptoSuite suite;

    FetchedTransactions(CryptoSuite suite) {
        this.suite = suite;
    }

    void check(List<JsonNode> blocks, Map<String, JsonNode> fetched) throws ChainVerificationException {
        for (JsonNode block : blocks) {
            long number = block.path("header").path("number").asLong();
            for (JsonNode summary : block.path("transactions")) {
                if (summary.has("proposal")) {
                    continue; // a whole transaction, hashed into the root already
                }
                try {
                    tie(summary, number, fetched.get(summary.path("txId").asText()));
                } catch (VerificationException e) {
                    throw new ChainVerificationException(number, e.failure(), e.getMessage());
                }
            }
        }
    }

    private void tie(JsonNode summary, long number, JsonNode tx) throws VerificationException {
        String txId = summary.path("txId").asText();
        if (tx == null) {
            throw Trees.malformed("transaction " + txId + " was not fetched");
        }
        JsonNode transaction = Trees.object(tx.path("evidence").get("transaction"), "transaction " + txId
                + ".evidence.transaction");
        String hash = suite.hashHex(TransactionCheck.canonical(transaction, "transaction " + txId));
        if (!txId.equals(tx.path("txId").asText()) || !txId.equals(transaction.path("txId").asText())
                || tx.path("blockNumber").asLong(-1) != number || tx.path("index").asInt(-1) != summary.path("index")
                        .asInt() || !hash.equals(summary.path("hash").asText())) {
            throw new VerificationException(VerificationFailure.BLOCK_TRANSACTIONS_ROOT_MISMATCH, "transaction "
                    + txId + " as fetched is not the one the block's summary at index "
                    + summary.path("index").asInt() + " hashes into its transactions root");
        }
    }
}
