package org.qcchain.ledger.embedded;

import java.util.List;
import org.qcchain.common.crypto.CryptoSuite;

/**
 * The Merkle tree hash of RFC 6962 (section 2.1) over a block's transaction hashes, in the
 * block's suite: {@code leaf = H(0x00 || txHash)}, {@code node = H(0x01 || left || right)}, the
 * left subtree holding the largest power of two below the count, and {@code H()} for no leaves.
 * The domain separation stops a node from passing as a leaf (second pre-image attacks), and the
 * split (no duplicated last leaf, unlike Bitcoin) gives one root per list.
 */
final class MerkleTree {

    private MerkleTree() {}

    /**
     * The root over the leaves (transaction hashes), in order. The tree is the one of the proof
     * format ({@link org.qcchain.common.proof.MerkleTree}), so the client SDK proves a
     * transaction's place in a block with the same code that proves a record's place in a batch;
     * only the empty block, which a batch never is, is defined here.
     */
    static byte[] root(CryptoSuite suite, List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return suite.hash(new byte[0]);
        }
        return org.qcchain.common.proof.MerkleTree.of(suite, leaves).root();
    }
}
