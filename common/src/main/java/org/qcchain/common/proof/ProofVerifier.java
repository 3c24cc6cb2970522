package org.qcchain.common.proof;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.qcchain.common.crypto.CryptoSuite;

/**
 * Checks that disclosed data belongs to an anchored batch: the {@link Disclosure} opens its record
 * root ({@link DisclosureVerifier}), and the {@link InclusionProof} leads from that root to the
 * batch root (RFC 9162, section 2.1.3.2). The batch root must come from a verified anchor; checking
 * the anchor, its block and the access record belongs to the client SDK.
 *
 * <p>Inclusion checks run in this order: format ({@link ProofFailure#FORMAT_UNSUPPORTED}), suites
 * of batch root and proof ({@link ProofFailure#SUITE_MISMATCH}), shape ({@link
 * ProofFailure#MALFORMED}), tree size against the batch ({@link
 * ProofFailure#MERKLE_TREE_SIZE_MISMATCH}), index and path length ({@link
 * ProofFailure#MERKLE_PATH_INVALID}), root ({@link ProofFailure#MERKLE_ROOT_MISMATCH}).
 *
 * <pre>{@code
 * ProofVerifier verifier = ProofVerifier.forSuite(CryptoSuite.P256_SHA256);
 * BatchRoot anchored = new BatchRoot(suite, anchor.merkleRoot(), anchor.recordCount());
 * verifier.verify(disclosure, proof, anchored);   // throws ProofException
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ProofVerifier {

    /** Deeper than any tree of 2^63 leaves: a longer path is not worth decoding. */
    private static final int MAX_PATH = 64;
    private static final HexFormat HEX = HexFormat.of();

    private final CryptoSuite suite;
    private final DisclosureVerifier disclosures;

    private ProofVerifier(CryptoSuite suite) {
        this.suite = suite;
        this.disclosures = DisclosureVerifier.forSuite(suite);
    }

    /**
     * A verifier for the network's suite; proofs and batch roots in any other suite fail.
     *
     * @param suite the expected suite
     * @return the verifier
     */
    public static ProofVerifier forSuite(CryptoSuite suite) {
        return new ProofVerifier(Objects.requireNonNull(suite, "suite"));
    }

    /**
     * Returns normally only if the disclosure opens its record root and that root is a leaf of the
     * batch.
     *
     * @param disclosure the disclosure, as received
     * @param proof the inclusion proof of its record root, as received
     * @param batch the anchored batch root and size
     * @throws ProofException naming the first check that failed
     */
    public void verify(Disclosure disclosure, InclusionProof proof, BatchRoot batch) throws ProofException {
        disclosures.verify(disclosure);
        verifyInclusion(HEX.parseHex(disclosure.recordRoot()), proof, batch);
    }

    /**
     * Returns normally only if {@code leaf} is the leaf at the proof's index in the batch.
     *
     * @param leaf a record root, 32 bytes
     * @param proof its inclusion proof, as received
     * @param batch the anchored batch root and size
     * @throws ProofException naming the first check that failed
     */
    public void verifyInclusion(byte[] leaf, InclusionProof proof, BatchRoot batch) throws ProofException {
        Objects.requireNonNull(leaf, "leaf");
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(batch, "batch");
        Wire.checkFormat("inclusion proof", proof.format());
        Wire.checkSuite("batch root", batch.suite(), suite);
        Wire.checkSuite("inclusion proof", proof.suite(), suite);
        if (leaf.length != suite.hashLength()) {
            throw new ProofException(ProofFailure.MALFORMED, "a leaf is a record root of "
                    + suite.hashLength() + " bytes, this one has " + leaf.length);
        }
        if (proof.path().size() > MAX_PATH) {
            throw new ProofException(ProofFailure.MALFORMED, "the path has more than " + MAX_PATH + " hashes");
        }
        List<byte[]> path = new ArrayList<>(proof.path().size());
        for (int i = 0; i < proof.path().size(); i++) {
            path.add(Wire.hash("path[" + i + "]", proof.path().get(i)));
        }
        if (proof.treeSize() != batch.size()) {
            throw new ProofException(ProofFailure.MERKLE_TREE_SIZE_MISMATCH, "the proof is for a tree of "
                    + proof.treeSize() + " leaves, the batch has " + batch.size());
        }
        InclusionCheck.verify(suite, leaf, proof.leafIndex(), proof.treeSize(), path, HEX.parseHex(batch.root()));
    }
}
