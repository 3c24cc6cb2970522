package org.qcchain.node.ledger.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Optional;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;
import org.qcchain.common.proof.MerkleTree;
import org.qcchain.ledger.embedded.Block;
import org.qcchain.ledger.embedded.EmbeddedLedger;
import org.qcchain.ledger.embedded.LedgerException;
import org.qcchain.ledger.embedded.TransactionRecord;

/**
 * Reads blocks and transactions and turns them into {@link TransactionEvidence}: the transaction
 * object whose canonical bytes hash to the transaction hash, its index, an RFC 6962 inclusion
 * proof under the block's transactions root (built with the proof format's own {@link
 * MerkleTree}, the same tree the ledger uses), the signed block header and its signature.
 *
 * <p>A transaction committed a moment ago is answered from {@link RecentBlocks}, without reading
 * the database; {@link TransactionEvidences} checks the evidence before it leaves either way.
 */
final class EvidenceReader {

    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private final EmbeddedLedger ledger;
    private final CryptoSuite suite;
    private final RecentBlocks recentBlocks;

    EvidenceReader(EmbeddedLedger ledger, RecentBlocks recentBlocks) {
        this.ledger = ledger;
        this.recentBlocks = recentBlocks;
        this.suite = ledger.genesis().suite();
    }

    Optional<TransactionEvidence> evidence(String txId) {
        Optional<TransactionEvidence> recent = recentBlocks.evidence(txId);
        if (recent.isPresent()) {
            return recent;
        }
        Optional<TransactionRecord> found = ledger.transaction(txId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        TransactionRecord tx = found.get();
        Block block = ledger.block(tx.blockNumber()).orElseThrow(() ->
                new LedgerException("block " + tx.blockNumber() + " of " + txId + " is missing"));
        return Optional.of(new TransactionEvidences(suite, block,
                TransactionEvidences.hashes(ledger.blockTransactions(tx.blockNumber()))).evidence(suite, tx));
    }

    Optional<JsonNode> block(long number) {
        return ledger.block(number).map(block -> {
            ObjectNode node = Json.mapper().createObjectNode();
            node.put("number", block.number());
            node.put("type", block.type().name());
            node.put("hash", block.hash());
            node.set("header", TransactionEvidences.header(block));
            node.put("signature", BASE64.encodeToString(block.signature()));
            ArrayNode transactions = node.putArray("transactions");
            for (TransactionRecord tx : ledger.blockTransactions(number)) {
                transactions.add(summary(tx));
            }
            return node;
        });
    }

    Optional<JsonNode> transaction(String txId) {
        return ledger.transaction(txId).map(tx -> {
            ObjectNode node = summary(tx);
            node.put("blockNumber", tx.blockNumber());
            node.put("status", tx.status());
            node.put("message", tx.message());
            tx.event().ifPresent(event -> node.put("event", event.name()));
            evidence(txId).ifPresent(evidence -> node.set("evidence", Json.mapper().valueToTree(evidence)));
            return node;
        });
    }

    private static ObjectNode summary(TransactionRecord tx) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("txId", tx.txId());
        node.put("index", tx.txNumber());
        node.put("validationCode", tx.code().name());
        node.put("hash", tx.hash());
        return node;
    }
}
