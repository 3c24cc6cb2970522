package org.qcchain.sdk.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.proof.MerkleTree;
import org.qcchain.sdk.verify.ChainVerificationException;
import org.qcchain.sdk.verify.VerificationFailure;

/**
 * The transactions a node serves with a block. {@code GET /v1/blocks/{n}} serves them as
 * summaries, {@code {txId, index, validationCode, hash}} (docs/api.md), while {@code ChainVerifier}
 * expects whole transactions and hashes them itself; handed the summaries it reports
 * {@code BLOCK_TRANSACTIONS_ROOT_MISMATCH} for every block that has any. Until the SDK reads the
 * node's shape, the auditor example gives {@code ChainVerifier} the blocks without transactions
 * (it then checks links and signatures) and checks the summaries here against the signed header:
 * the served hashes, in index order, must build {@code transactionsRoot}, one per validation code,
 * each summary's code the header's. What this cannot check is that a hash is the hash of the
 * transaction named by {@code txId}; that takes the transaction ({@code GET /v1/transactions/{txId}}).
 */
final class ServedTransactions {

    private ServedTransactions() {}

    /**
     * @param block a block as served
     * @return a copy without {@code transactions}, for {@code ChainVerifier}
     */
    static JsonNode withoutTransactions(JsonNode block) {
        ObjectNode copy = block.deepCopy();
        copy.remove("transactions");
        return copy;
    }

    /**
     * Checks a block's transaction summaries against its header; call it once the header verified.
     *
     * @param block a block as served
     * @param suite the network's suite
     * @return how many transactions the block holds
     * @throws ChainVerificationException {@code BLOCK_TRANSACTIONS_ROOT_MISMATCH} naming the block
     */
    static int check(JsonNode block, CryptoSuite suite) throws ChainVerificationException {
        JsonNode header = block.path("header");
        long number = header.path("number").asLong();
        JsonNode codes = header.path("validationCodes");
        JsonNode served = block.path("transactions");
        if (served.size() != codes.size()) {
            throw mismatch(number, served.size() + " transactions served, " + codes.size()
                    + " validation codes signed");
        }
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < served.size(); i++) {
            JsonNode tx = served.get(i);
            if (tx.path("index").asInt(-1) != i || !tx.path("validationCode").asText().equals(codes.get(i).asText())) {
                throw mismatch(number, "transaction " + i + " has another index or validation code than the header");
            }
            try {
                hashes.add(HexFormat.of().parseHex(tx.path("hash").asText()));
            } catch (IllegalArgumentException e) {
                throw mismatch(number, "transaction " + i + " has no hex hash");
            }
        }
        // the same convention as the ledger and ChainVerifier: an empty block's root hashes no bytes
        String root;
        try {
            root = hashes.isEmpty() ? suite.hashHex(new byte[0]) : MerkleTree.of(suite, hashes).rootHex();
        } catch (IllegalArgumentException e) {
            throw mismatch(number, "a served transaction hash is not a hash of the suite: " + e.getMessage());
        }
        if (!root.equals(header.path("transactionsRoot").asText())) {
            throw mismatch(number, "the served transaction hashes do not build its transactions root");
        }
        return hashes.size();
    }

    private static ChainVerificationException mismatch(long number, String detail) {
        return new ChainVerificationException(number, VerificationFailure.BLOCK_TRANSACTIONS_ROOT_MISMATCH, detail);
    }
}
