package org.qcchain.sdk.examples.synthetic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.json.CanonicalJson;
import org.qcchain.common.json.Json;
import org.qcchain.common.proof.MerkleTree;

/**
 * Blocks as the embedded ledger makes them (docs/ledger.md): transaction objects whose canonical
 * JSON hashes into an RFC 6962 transactions root, hash-linked headers carrying the validation
 * codes, each signed by the node. Block 0 is the genesis block naming the node certificate.
 * Proposals, signatures and read/write sets are random bytes: the verifier does not read them.
 */
public final class SyntheticLedger implements SyntheticChain {

    private static final HexFormat HEX = HexFormat.of();
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private final CryptoSuite suite;
    private final Identity node;
    private final Random random;
    private final List<SyntheticBlock> blocks = new ArrayList<>();
    private final List<ObjectNode> pending = new ArrayList<>();

    /**
     * Starts a chain with its genesis block.
     *
     * @param suite the network's suite
     * @param node the node identity that signs blocks
     * @param random where filler bytes come from
     */
    public SyntheticLedger(CryptoSuite suite, Identity node, Random random) {
        this.suite = suite;
        this.node = node;
        this.random = random;
        ObjectNode genesis = Json.mapper().createObjectNode();
        genesis.put("formatVersion", 1).put("channel", "qcchain").put("chaincode", "qcchain")
                .put("suite", suite.name()).put("nodeCertificate", node.certificatePem());
        ObjectNode header = header(0, HEX.formatHex(new byte[32]), "GENESIS", List.of(), List.of(),
                SyntheticNetwork.EPOCH.minusSeconds(3600));
        header.set("genesis", genesis);
        blocks.add(seal(header, List.of()));
    }

    /**
     * A transaction object as hashed into its block.
     *
     * @param txId the transaction id
     * @param status the chaincode's response status
     * @param payload the chaincode's response payload
     * @param event the event name, or {@code null}
     * @return the transaction object
     */
    public ObjectNode transaction(String txId, int status, byte[] payload, String event) {
        ObjectNode tx = Json.mapper().createObjectNode();
        tx.put("txId", txId).put("proposal", BASE64.encodeToString(bytes(96)))
                .put("signature", BASE64.encodeToString(bytes(71))).put("rwset", BASE64.encodeToString(bytes(48)));
        tx.putObject("response").put("status", status).put("message", "").put("payload", BASE64.encodeToString(payload));
        if (event != null) {
            tx.putObject("event").put("name", event).put("payload", BASE64.encodeToString(bytes(16)));
        }
        return tx;
    }

    /** @return a fresh transaction id: 64 hex characters */
    @Override
    public String newTxId() {
        return HEX.formatHex(bytes(32));
    }

    /** @return a transaction of no interest, to fill a block */
    public ObjectNode filler() {
        return transaction(newTxId(), 200, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "Other");
    }

    /**
     * Appends a block of transactions, signed by the node.
     *
     * @param transactions the transaction objects, in order
     * @param codes one validation code per transaction
     * @param cutAt the block's timestamp
     * @return the block
     */
    public SyntheticBlock append(List<ObjectNode> transactions, List<String> codes, Instant cutAt) {
        List<byte[]> hashes = new ArrayList<>();
        transactions.forEach(tx -> hashes.add(suite.hash(CanonicalJson.serializeUtf8(tx))));
        SyntheticBlock last = blocks.get(blocks.size() - 1);
        ObjectNode header = header(blocks.size(), last.hash(), "TRANSACTIONS", hashes, codes, cutAt);
        SyntheticBlock block = seal(header, transactions);
        blocks.add(block);
        return block;
    }

    @Override
    public void add(String txId, int status, byte[] payload, String event) {
        pending.add(transaction(txId, status, payload, event));
    }

    @Override
    public void addFiller() {
        pending.add(filler());
    }

    @Override
    public List<TransactionEvidence> cut(List<String> codes, Instant cutAt) {
        SyntheticBlock block = append(List.copyOf(pending), codes, cutAt);
        List<TransactionEvidence> evidence = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            evidence.add(block.evidence(i));
        }
        pending.clear();
        return evidence;
    }

    /** @return the blocks so far, genesis first */
    @Override
    public List<SyntheticBlock> blocks() {
        return List.copyOf(blocks);
    }

    private ObjectNode header(long number, String previousHash, String type, List<byte[]> hashes, List<String> codes,
            Instant cutAt) {
        ObjectNode header = Json.mapper().createObjectNode();
        header.put("number", number).put("type", type).put("previousHash", previousHash)
                .put("transactionsRoot", hashes.isEmpty() ? suite.hashHex(new byte[0])
                        : MerkleTree.of(suite, hashes).rootHex())
                .put("timestamp", cutAt.toString());
        ArrayNode array = header.putArray("validationCodes");
        codes.forEach(array::add);
        return header;
    }

    private SyntheticBlock seal(ObjectNode header, List<ObjectNode> transactions) {
        byte[] bytes = CanonicalJson.serializeUtf8(header);
        return new SyntheticBlock(suite, header, BASE64.encodeToString(node.sign(bytes)), transactions);
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
