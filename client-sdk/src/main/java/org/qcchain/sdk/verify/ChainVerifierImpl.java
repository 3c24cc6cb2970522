package org.qcchain.sdk.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.proof.MerkleTree;

/**
 * Checks blocks one after the other, the embedded ledger's here and a Fabric channel's with {@link
 * FabricChainCheck}; the first failure names its block.
 */
final class ChainVerifierImpl implements ChainVerifier {

    private final TrustAnchors anchors;
    private final CryptoSuite suite;
    private final Signers signers;

    ChainVerifierImpl(TrustAnchors anchors, CryptoSuite suite) {
        this.anchors = anchors;
        this.suite = suite;
        this.signers = new Signers(suite, 0, 0);
    }

    @Override
    public ChainReport verify(List<JsonNode> blocks) throws ChainVerificationException {
        if (isFabric(blocks)) {
            if (blocks.get(0).path("number").asLong(-1) != 0) {
                throw new ChainVerificationException(0, VerificationFailure.MALFORMED,
                        "the stretch does not start at block 0");
            }
            return fabric(blocks, null);
        }
        if (blocks.isEmpty() || blocks.get(0).path("header").path("number").asLong(-1) != 0) {
            throw new ChainVerificationException(0, VerificationFailure.MALFORMED, "the stretch does not start at block 0");
        }
        String pem = blocks.get(0).path("header").path("genesis").path("nodeCertificate").asText("");
        return verify(blocks, null, pem);
    }

    @Override
    public ChainReport verify(List<JsonNode> blocks, Map<String, JsonNode> transactions)
            throws ChainVerificationException {
        ChainReport report = verify(blocks);
        if (!isFabric(blocks)) {
            new FetchedTransactions(suite).check(blocks, transactions);
        }
        return report;
    }

    @Override
    public ChainReport verify(List<JsonNode> blocks, String previousHash, String nodeCertificatePem)
            throws ChainVerificationException {
        if (isFabric(blocks)) {
            return fabric(blocks, previousHash);
        }
        long first = blocks.isEmpty() ? 0 : blocks.get(0).path("header").path("number").asLong(0);
        ParsedCertificate node;
        try {
            node = signers.certificate(nodeCertificatePem, VerificationFailure.UNTRUSTED_SIGNER, "the node certificate");
            signers.requireIssuedBy(node, anchors.nodeCas(), VerificationFailure.UNTRUSTED_SIGNER,
                    "the node certificate");
        } catch (VerificationException e) {
            throw new ChainVerificationException(first, e.failure(), e.getMessage());
        }
        String previous = previousHash;
        long transactions = 0;
        long number = first;
        for (JsonNode block : blocks) {
            try {
                previous = check(block, number, previous, node);
            } catch (VerificationException e) {
                throw new ChainVerificationException(number, e.failure(), e.getMessage());
            }
            transactions += block.path("transactions").size();
            number++;
        }
        return new ChainReport(first, number - 1, previous, transactions);
    }

    private static boolean isFabric(List<JsonNode> blocks) {
        return !blocks.isEmpty() && FabricChainCheck.isFabric(blocks.get(0));
    }

    private ChainReport fabric(List<JsonNode> blocks, String previousHash) throws ChainVerificationException {
        FabricTrust channel = anchors.fabric().orElseThrow(() -> new ChainVerificationException(
                blocks.get(0).path("number").asLong(0), VerificationFailure.FORMAT_UNSUPPORTED,
                "the blocks are a Fabric channel's, and the trust anchors name no Fabric channel"));
        return new FabricChainCheck(signers, anchors, channel).verify(blocks, previousHash, suite);
    }

    /** Checks one block; returns its hash. */
    private String check(JsonNode block, long number, String previous, ParsedCertificate node)
            throws VerificationException {
        if (FabricChainCheck.isFabric(block)) {
            throw Trees.malformed("a Fabric block in an embedded chain");
        }
        JsonNode header = Trees.object(block.get("header"), "header");
        if (Trees.integer(header, "number", "header") != number) {
            throw new VerificationException(VerificationFailure.BLOCK_HASH_LINK_BROKEN, "expected block " + number
                    + ", got block " + header.get("number"));
        }
        byte[] bytes = TransactionCheck.canonical(header, "header");
        String hash = suite.hashHex(bytes);
        if (previous != null && !previous.equals(Trees.text(header, "previousHash", "header"))) {
            throw new VerificationException(VerificationFailure.BLOCK_HASH_LINK_BROKEN,
                    "previousHash is not the hash of block " + (number - 1));
        }
        if (block.hasNonNull("hash") && !hash.equals(block.get("hash").asText())) {
            throw new VerificationException(VerificationFailure.BLOCK_HASH_LINK_BROKEN,
                    "the header does not hash to the block hash served with it");
        }
        signers.requireSignature(node, bytes, Trees.base64(Trees.text(block, "signature", "block"), "signature"), false,
                VerificationFailure.BLOCK_SIGNATURE_INVALID, "the node's signature");
        JsonNode txs = block.get("transactions");
        if (txs != null && txs.isArray()) {
            JsonNode codes = header.path("validationCodes");
            List<byte[]> hashes = new ArrayList<>();
            for (int i = 0; i < txs.size(); i++) {
                hashes.add(transactionHash(txs.get(i), i, codes));
            }
            String root = hashes.isEmpty() ? suite.hashHex(new byte[0]) : MerkleTree.of(suite, hashes).rootHex();
            if (!root.equals(Trees.text(header, "transactionsRoot", "header")) || hashes.size() != codes.size()) {
                throw new VerificationException(VerificationFailure.BLOCK_TRANSACTIONS_ROOT_MISMATCH,
                        "its " + hashes.size() + " transactions do not hash to its transactions root");
            }
        }
        return hash;
    }

    /**
     * The hash of the i-th transaction of a block: recomputed from a whole transaction, or, as the
     * node serves blocks, taken from a summary {@code {txId, index, validationCode, hash}} whose
     * index and code must be the ones the signed header gives. Either way the hashes must build
     * the signed transactions root; that a summary's hash belongs to the transaction its id names
     * is proven when that transaction is fetched and hashed.
     */
    private byte[] transactionHash(JsonNode tx, int index, JsonNode codes) throws VerificationException {
        if (tx.has("proposal")) {
            return suite.hash(TransactionCheck.canonical(tx, "transaction"));
        }
        if (tx.path("index").asInt(-1) != index || index >= codes.size()
                || !tx.path("validationCode").asText().equals(codes.get(index).asText())) {
            throw new VerificationException(VerificationFailure.BLOCK_TRANSACTIONS_ROOT_MISMATCH,
                    "transaction " + index + " is served with another index or validation code than its header");
        }
        try {
            return java.util.HexFormat.of().parseHex(Trees.text(tx, "hash", "transaction"));
        } catch (IllegalArgumentException e) {
            throw new VerificationException(VerificationFailure.BLOCK_TRANSACTIONS_ROOT_MISMATCH,
                    "transaction " + index + " is served without a hex hash");
        }
    }
}
