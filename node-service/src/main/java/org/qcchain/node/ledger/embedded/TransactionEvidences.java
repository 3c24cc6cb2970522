package org.qcchain.node.ledger.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.qcchain.common.answer.EmbeddedEvidence;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.CanonicalFragment;
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
 * <p>The tree's root is compared with the header, and a transaction's hashed form made again from
 * its stored parts is hashed and compared with the transaction hash, before any evidence is handed
 * out: evidence that would not verify is a node bug, and is refused here rather than sent. The
 * hashed form the ledger kept from the endorsement is the input of that very hash and is handed
 * out as it is. The transaction goes into the
 * evidence as that very text ({@link CanonicalFragment}), so an answer copies it instead of
 * building, checking and serialising a tree of its base64 members again.
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
        // the header bytes are canonical (the ledger checks that when it reads them back)
        this.header = CanonicalFragment.ofCanonicalUtf8(block.headerBytes());
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
        byte[] hashedForm = tx.hashedForm();
        if (!suite.hashHex(hashedForm).equals(tx.hash())) {
            throw new LedgerException("transaction " + tx.txId() + ": its fields do not hash to its hash");
        }
        return evidence(tx, hashedForm);
    }

    /**
     * The evidence of one transaction of the block, from its hashed form as the ledger hashed it
     * when it endorsed the transaction ({@link org.qcchain.ledger.embedded.CommittedBlock#hashedForm}):
     * those bytes are what its hash is the hash of, so they are not made and hashed again.
     *
     * @param tx a transaction of this block
     * @param hashedForm its hashed form, handed over with its block
     */
    TransactionEvidence evidence(TransactionRecord tx, byte[] hashedForm) {
        if (tx.blockNumber() != block.number()) {
            throw new IllegalArgumentException("transaction " + tx.txId() + " is not in block " + block.number());
        }
        return new EmbeddedEvidence(TransactionEvidence.EMBEDDED, CanonicalFragment.ofCanonicalUtf8(hashedForm),
                tx.txNumber(), tree.inclusionProof(tx.txNumber()), header, signature);
    }

    /** The header object exactly as hashed and signed (docs/ledger.md, Blocks). */
    static JsonNode header(Block block) {
        return Json.tree(new String(block.headerBytes(), StandardCharsets.UTF_8));
    }

}
