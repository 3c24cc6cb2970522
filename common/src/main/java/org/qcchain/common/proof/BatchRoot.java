package org.qcchain.common.proof;

import java.util.Objects;
import org.qcchain.common.crypto.CryptoSuite;

/**
 * The root and size of a batch tree, as a provider anchors it ({@code merkleRoot}, {@code
 * recordCount} and {@code hashSuite} of the anchor statement): what an inclusion proof is checked
 * against. Take it from a verified anchor, never from the proof's sender.
 *
 * @param suite the suite of the tree's hashes
 * @param root the RFC 6962 Merkle Tree Hash of the batch, 64 lowercase hex characters
 * @param size the number of records in the batch, at least 1
 */
public record BatchRoot(CryptoSuite suite, String root, long size) {

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if the root is not 64 lowercase hex characters or the size
     *     is below 1
     */
    public BatchRoot {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(root, "root");
        if (!Syntax.HEX_256.matches(root)) {
            throw new IllegalArgumentException("batch root must be 64 lowercase hex characters");
        }
        if (size < 1) {
            throw new IllegalArgumentException("a batch has at least one record, size was " + size);
        }
    }
}
