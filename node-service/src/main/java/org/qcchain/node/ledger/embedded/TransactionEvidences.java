package org.qcchain.node.ledger.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.qcchain.common.answer.EmbeddedEvidence;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.CanonicalJson;
import org.qcchain.common.json.Json;
import org.qcchain.common.proof.MerkleTree;
import org.qcchain.ledger.embedded.Block;
import org.qcchain.ledger.embedded.LedgerException;
import org.qcchain.ledger.embedded.TransactionRecord;

/**
 * The evidence of the transactions of one block: the RFC 6962 tree over their hashes (built with
 * the proof format's own {@link MerkleTree}, the same tree the ledger uses) and the signed header,
 * each made once per block however many of its transactions are asked for. It keeps the hashes,
 * not the transactions: whoever asks hands over the transaction.
 *
 * <p>The tree's root is compared with the header, and each transaction object is hashed and
 * compared with the transaction hash, before any evidence is handed out: evidence that would not
 * verify is a node bug, and is refused here rather than sent.
 */
final class TransactionEvidences {

    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final HexFormat HEX = HexFormat.of();

    private final Block block;
    private final MerkleTree tree;
    private final JsonNode header;
    private final String signature;

    /**
     * @param suite the ledger's suite
     * @param block the block
     * @param hashes the hex hashes of the block's transactions, in block order
     */
    TransactionEvidences(CryptoSuite suite, Block block, List<String> hashes) {
        this.block = block;
        this.tree = MerkleTree.of(suite, hashes.stream().map(HEX::parseHex).toList());
        if (!tree.rootHex().equals(block.transactionsRoot())) {
            throw new LedgerException("block " + block.number() + ": transactions root differs");
        }
        this.header = header(block);
        this.signature = BASE64.encodeToString(block.signature());
    }

    /** The hex hashes of a block's transactions, in block order. */
    static List<String> hashes(List<TransactionRecord> transactions) {
        return transactions.stream().map(TransactionRecord::hash).toList();
    }

    /**
     * The evidence of one transaction of the block.
     *
     * @param suite the ledger's suite
     * @param tx a transaction of this block
     */
    TransactionEvidence evidence(CryptoSuite suite, TransactionRecord tx) {
        if (tx.blockNumber() != block.number()) {
            throw new IllegalArgumentException("transaction " + tx.txId() + " is not in block " + block.number());
        }
        JsonNode transaction = transactionObject(tx);
        if (!suite.hashHex(CanonicalJson.serializeUtf8(transaction)).equals(tx.hash())) {
            throw new LedgerException("transaction " + tx.txId() + ": its fields do not hash to its hash");
        }
        return new EmbeddedEvidence(TransactionEvidence.EMBEDDED, transaction, tx.txNumber(),
                tree.inclusionProof(tx.txNumber()), header, signature);
    }

    /** The header object exactly as hashed and signed (docs/ledger.md, Blocks). */
    static JsonNode header(Block block) {
        return Json.tree(new String(block.headerBytes(), StandardCharsets.UTF_8));
    }

    /** The hashed form of a transaction, field for field as the ledger hashes it. */
    static JsonNode transactionObject(TransactionRecord tx) {
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
