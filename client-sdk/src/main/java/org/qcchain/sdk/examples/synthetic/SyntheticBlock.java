package org.qcchain.sdk.examples.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.qcchain.common.answer.EmbeddedEvidence;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.CanonicalJson;
import org.qcchain.common.json.Json;
import org.qcchain.common.proof.MerkleTree;

/**
 * One synthetic block: its signed header, the node's signature and its transactions; gives the
 * evidence of any of its transactions and the JSON an auditor would fetch.
 */
public final class SyntheticBlock {

    private final CryptoSuite suite;
    private final ObjectNode header;
    private final String signature;
    private final List<ObjectNode> transactions;

    SyntheticBlock(CryptoSuite suite, ObjectNode header, String signature, List<ObjectNode> transactions) {
        this.suite = suite;
        this.header = header;
        this.signature = signature;
        this.transactions = List.copyOf(transactions);
    }

    /** @return the block number */
    public long number() {
        return header.get("number").asLong();
    }

    /** @return lowercase hex suite hash of the canonical header */
    public String hash() {
        return suite.hashHex(CanonicalJson.serializeUtf8(header));
    }

    /** @return a copy of the header */
    public ObjectNode header() {
        return header.deepCopy();
    }

    /**
     * The evidence that transaction {@code index} is in this block.
     *
     * @param index a transaction's position
     * @return the embedded-ledger evidence
     */
    public TransactionEvidence evidence(int index) {
        List<byte[]> hashes = new ArrayList<>();
        transactions.forEach(tx -> hashes.add(suite.hash(CanonicalJson.serializeUtf8(tx))));
        return new EmbeddedEvidence(TransactionEvidence.EMBEDDED, transactions.get(index).deepCopy(), index,
                MerkleTree.of(suite, hashes).inclusionProof(index), header.deepCopy(), signature);
    }

    /**
     * The block as an auditor fetches it: {@code {"number", "hash", "header", "signature",
     * "transactions"}} (the shape {@code ChainVerifier} reads).
     *
     * @return the JSON object
     */
    public JsonNode toJson() {
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("number", number()).put("hash", hash()).put("signature", signature);
        json.set("header", header.deepCopy());
        ArrayNode txs = json.putArray("transactions");
        transactions.forEach(tx -> txs.add(tx.deepCopy()));
        return json;
    }
}
