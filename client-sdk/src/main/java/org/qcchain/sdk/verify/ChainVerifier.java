package org.qcchain.sdk.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.qcchain.common.crypto.CryptoSuite;

/**
 * For auditors: checks a consecutive stretch of blocks as a node serves them ({@code GET
 * /v1/blocks/{n}}). Embedded ledger ({@code {"header": {...}, "signature": "<base64>",
 * "transactions": [...]}}, transactions optional): each header hash-links to the one before, is
 * signed by the node, and, where transactions are given, their hashes build the header's
 * transactions root. Block 0's genesis names the node certificate, which must be issued by a
 * trusted node CA; a stretch that starts later needs the node certificate pinned ({@link
 * #verify(List, String, String)}). Fabric channel ({@code {"ledger": "fabric", ..., "block":
 * "<base64>"}}): each block's envelopes hash to its data hash, its header names the DER header hash
 * of the block before, every block after the genesis block is signed by a trusted orderer, and the
 * served hashes and transaction list are the block's own; the trust anchors must name the channel
 * ({@link FabricTrust}), else {@link VerificationFailure#FORMAT_UNSUPPORTED}.
 *
 * <pre>{@code
 * ChainVerifier chain = ChainVerifier.create(anchors, CryptoSuite.SM2_SM3);
 * ChainReport report = chain.verify(blocks);      // throws ChainVerificationException naming the block
 * }</pre>
 */
public interface ChainVerifier {

    /**
     * @param anchors trusted node CAs
     * @param suite the network's suite
     * @return a thread-safe verifier
     */
    static ChainVerifier create(TrustAnchors anchors, CryptoSuite suite) {
        return new ChainVerifierImpl(Objects.requireNonNull(anchors, "anchors"), Objects.requireNonNull(suite, "suite"));
    }

    /**
     * Checks a stretch that starts with block 0.
     *
     * @param blocks consecutive blocks, block 0 first
     * @return what was checked
     * @throws ChainVerificationException naming the first bad block
     */
    ChainReport verify(List<JsonNode> blocks) throws ChainVerificationException;

    /**
     * Checks a stretch that starts with block 0, and ties each embedded block's transaction
     * summaries to the transactions fetched by id ({@code GET /v1/transactions/{txId}}): a fetched
     * transaction is in the block and at the index its summary names, and its evidence's {@code
     * transaction} object hashes to the summary's hash, the one under the signed transactions root.
     * A Fabric chain's transaction list is read from the blocks themselves, so {@code transactions}
     * is not needed there.
     *
     * @param blocks consecutive blocks, block 0 first
     * @param transactions every summarised transaction as fetched, by transaction id
     * @return what was checked
     * @throws ChainVerificationException naming the first bad block; a summary whose transaction
     *     is missing is {@code MALFORMED}, one whose transaction differs {@code
     *     BLOCK_TRANSACTIONS_ROOT_MISMATCH}
     */
    ChainReport verify(List<JsonNode> blocks, Map<String, JsonNode> transactions) throws ChainVerificationException;

    /**
     * Checks a stretch that continues a chain checked before.
     *
     * @param blocks consecutive blocks
     * @param previousHash hex hash of the block before the first, or {@code null} to trust the first link
     * @param nodeCertificatePem the node certificate (from block 0 of a chain checked before);
     *     unused for a Fabric chain
     * @return what was checked
     * @throws ChainVerificationException naming the first bad block
     */
    ChainReport verify(List<JsonNode> blocks, String previousHash, String nodeCertificatePem)
            throws ChainVerificationException;
}
