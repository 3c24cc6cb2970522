package org.qcchain.common.proof;

import java.security.MessageDigest;
import java.util.stream.IntStream;
import org.qcchain.common.crypto.CryptoSuite;

/**
 * Hashes whole tree levels in flat arrays, without allocating per hash, in parallel chunks when a
 * level is large; each chunk runs on one thread with that thread's digest.
 */
final class LevelHashing {

    private static final int HASH = 32;
    /** Hashes per parallel task: large enough to dwarf the scheduling cost. */
    private static final int CHUNK = 1 << 13;

    private LevelHashing() {}

    /** Replaces each of {@code count} leaves by its leaf hash {@code H(0x00 || leaf)}. */
    static void hashLeavesInPlace(CryptoSuite suite, byte[] leaves, int count) {
        forEachChunk(count, (from, to) -> {
            MessageDigest digest = Hashing.digest(suite);
            for (int i = from; i < to; i++) {
                Hashing.tagged(digest, ProofFormat.LEAF_TAG, leaves, i * HASH, HASH, leaves, i * HASH);
            }
        });
    }

    /** The level above {@code below}: node hashes of pairs, an unpaired last node copied up. */
    static byte[] parents(CryptoSuite suite, byte[] below) {
        int children = below.length / HASH;
        int pairs = children / 2;
        byte[] above = new byte[(pairs + children % 2) * HASH];
        forEachChunk(pairs, (from, to) -> {
            MessageDigest digest = Hashing.digest(suite);
            for (int i = from; i < to; i++) {
                // left and right child lie next to each other: one 64-byte update
                Hashing.tagged(digest, ProofFormat.NODE_TAG, below, 2 * i * HASH, 2 * HASH, above, i * HASH);
            }
        });
        if (children % 2 == 1) {
            System.arraycopy(below, (children - 1) * HASH, above, pairs * HASH, HASH);
        }
        return above;
    }

    private static void forEachChunk(int count, Range work) {
        if (count <= CHUNK) {
            work.run(0, count);
            return;
        }
        int chunks = (count + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel()
                .forEach(chunk -> work.run(chunk * CHUNK, Math.min(count, (chunk + 1) * CHUNK)));
    }

    @FunctionalInterface
    private interface Range {
        void run(int from, int to);
    }
}
