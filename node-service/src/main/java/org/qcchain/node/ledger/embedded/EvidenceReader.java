package org.qcchain.node.ledger.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.qcchain.common.answer.EmbeddedEvidence;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.CanonicalJson;
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
 * <p>Before answering, the transaction object is hashed and the tree's root compared with the
 * header: evidence that would not verify is a node bug, and is refused here rather than sent.
 */
final class EvidenceReader {

    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final HexFormat HEX = HexFormat.of();

    private final EmbeddedLedger ledger;
    private final CryptoSuite suite;

    EvidenceReader(EmbeddedLedger ledger) {
        this.ledger = ledger;
        this.suite = ledger.genesis().suite();
    }

    Optional<TransactionEvidence> evidence(String txId) {
        Optional<TransactionRecord> found = ledger.transaction(txId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        TransactionRecord tx = found.get();
        Block block = ledger.block(tx.blockNumber()).orElseThrow(() ->
                new LedgerException("block " + tx.blockNumber() + " of " + txId + " is missing"));
        List<TransactionRecord> transactions = ledger.blockTransactions(tx.blockNumber());
        MerkleTree tree = MerkleTree.of(suite, transactions.stream()
                .map(t -> HEX.parseHex(t.hash())).toList());
        if (!tree.rootHex().equals(block.transactionsRoot())) {
            throw new LedgerException("block " + block.number() + ": transactions root differs");
        }
        JsonNode transaction = transactionObject(tx);
        if (!suite.hashHex(CanonicalJson.serializeUtf8(transaction)).equals(tx.hash())) {
            throw new LedgerException("transaction " + txId + ": its fields do not hash to its hash");
        }
        return Optional.of(new EmbeddedEvidence(TransactionEvidence.EMBEDDED, transaction,
                tx.txNumber(), tree.inclusionProof(tx.txNumber()), header(block),
                BASE64.encodeToString(block.signature())));
    }

    Optional<JsonNode> block(long number) {
        return ledger.block(number).map(block -> {
            ObjectNode node = Json.mapper().createObjectNode();
            node.put("number", block.number());
            node.put("type", block.type().name());
            node.put("hash", block.hash());
            node.set("header", header(block));
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

    /** The header object exactly as hashed and signed (docs/ledger.md, Blocks). */
    private static JsonNode header(Block block) {
        return Json.tree(new String(block.headerBytes(), StandardCharsets.UTF_8));
    }

    /** The hashed form of a transaction, field for field as the ledger hashes it. */
    private static JsonNode transactionObject(TransactionRecord tx) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("txId", tx.txId());
        node.put("proposal", BASE64.encodeToString(tx.proposal().proposalBytes()));
        node.put("signature", BASE64.encodeToString(tx.proposal().signature()));
        node.put("rwset", BASE64.encodeToString(tx.rwsetBytes()));
        ObjectNode response = node.putObject("response");
        response.put("status", tx.status());
        response.put("message", tx.message());
        response.put("payload", BASE64.encodeToString(tx.payload()));
        tx.event().ifPresent(event -> {
            ObjectNode e = node.putObject("event");
            e.put("name", event.name());
            byte[] payload = event.payload();
            e.put("payload", BASE64.encodeToString(payload == null ? new byte[0] : payload));
        });
        return node;
    }
}
