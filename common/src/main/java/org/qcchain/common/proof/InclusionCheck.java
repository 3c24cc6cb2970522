package org.qcchain.common.proof;

import java.security.MessageDigest;
import java.util.List;
import org.qcchain.common.crypto.CryptoSuite;

/** RFC 9162 section 2.1.3.2: verifying an inclusion proof, on decoded values. */
final class InclusionCheck {

    private InclusionCheck() {}

    /**
     * Returns normally only if {@code leaf} at {@code index} of a tree of {@code size} leaves hashes
     * along {@code path} to {@code root}.
     */
    static void verify(CryptoSuite suite, byte[] leaf, long index, long size, List<byte[]> path, byte[] root)
            throws ProofException {
        if (size < 1 || index < 0 || index >= size) {
            throw new ProofException(ProofFailure.MERKLE_PATH_INVALID,
                    "leaf index " + index + " is not inside a tree of " + size + " leaves");
        }
        int expected = pathLength(index, size);
        if (path.size() != expected) {
            throw new ProofException(ProofFailure.MERKLE_PATH_INVALID, "leaf " + index + " of a tree of " + size
                    + " leaves has a path of " + expected + " hashes, the proof has " + path.size());
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = Hashing.leaf(suite, leaf);
        for (byte[] p : path) {
            // the length check above makes these RFC checks unreachable; kept so the loop is the RFC's
            if (sn == 0) {
                throw new ProofException(ProofFailure.MERKLE_PATH_INVALID, "the path is too long");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Hashing.node(suite, p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = Hashing.node(suite, r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new ProofException(ProofFailure.MERKLE_PATH_INVALID, "the path is too short");
        }
        if (!MessageDigest.isEqual(r, root)) {
            throw new ProofException(ProofFailure.MERKLE_ROOT_MISMATCH,
                    "leaf " + index + " and its path lead to another root than the batch root");
        }
    }

    /** How many hashes the audit path of {@code index} in a tree of {@code size} leaves has. */
    static int pathLength(long index, long size) {
        int length = 0;
        for (long i = index, nodes = size; nodes > 1; i >>>= 1, nodes = (nodes + 1) / 2) {
            if ((i ^ 1) < nodes) {
                length++;
            }
        }
        return length;
    }
}
