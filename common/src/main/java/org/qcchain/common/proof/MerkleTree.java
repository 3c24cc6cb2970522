package org.qcchain.common.proof;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.qcchain.common.crypto.CryptoSuite;

/**
 * The batch tree: the RFC 6962 Merkle Tree Hash over the record roots of one anchored batch, with
 * leaf hash {@code H(0x00 || leaf)} and node hash {@code H(0x01 || left || right)}, so a leaf can
 * never pass for an inner node.
 *
 * <p>The tree is kept as levels of hashes, each one flat array: level 0 holds the leaf hashes, each
 * next level the hashes of pairs below it, and a level's unpaired last node moves up unchanged.
 * That is exactly RFC 6962's recursive split at the largest power of two below {@code n}, computed
 * bottom-up; it takes about {@code 64·n} bytes and makes {@link #inclusionProof} O(log n). Large
 * levels are hashed in parallel, with one digest per thread.
 *
 * <pre>{@code
 * MerkleTree.Builder batch = MerkleTree.builder(suite);
 * for (CommittedRecord record : records) {
 *     batch.add(record);
 * }
 * MerkleTree tree = batch.build();
 * anchor(tree.rootHex(), tree.size());
 * InclusionProof proof = tree.inclusionProof(7);
 * }</pre>
 *
 * <p>Immutable and thread-safe once built.
 */
public final class MerkleTree {

    /** Leaves per tree: level 0 must fit one Java array. */
    public static final int MAX_LEAVES = 1 << 25;

    private static final HexFormat HEX = HexFormat.of();
    private static final int HASH = 32;

    private final CryptoSuite suite;
    private final int size;
    /** levels[0] = leaf hashes; levels[last] = the root alone. */
    private final byte[][] levels;

    private MerkleTree(CryptoSuite suite, int size, byte[][] levels) {
        this.suite = suite;
        this.size = size;
        this.levels = levels;
    }

    /**
     * Starts a tree.
     *
     * @param suite the suite whose hash the tree uses
     * @return an empty builder
     */
    public static Builder builder(CryptoSuite suite) {
        return new Builder(Objects.requireNonNull(suite, "suite"));
    }

    /**
     * Builds the tree over the given leaves.
     *
     * @param suite the suite whose hash the tree uses
     * @param leaves record roots, 32 bytes each, at least one
     * @return the tree
     * @throws IllegalArgumentException if a leaf is not 32 bytes or there are too many
     * @throws IllegalStateException if there are no leaves
     */
    public static MerkleTree of(CryptoSuite suite, List<byte[]> leaves) {
        Objects.requireNonNull(leaves, "leaves");
        Builder builder = builder(suite).expectedSize(leaves.size());
        leaves.forEach(builder::add);
        return builder.build();
    }

    /** @return the suite of the tree's hashes */
    public CryptoSuite suite() {
        return suite;
    }

    /** @return the number of leaves */
    public int size() {
        return size;
    }

    /** @return the Merkle Tree Hash; a copy */
    public byte[] root() {
        return levels[levels.length - 1].clone();
    }

    /** @return the Merkle Tree Hash as 64 lowercase hex characters */
    public String rootHex() {
        return HEX.formatHex(levels[levels.length - 1]);
    }

    /** @return the root, size and suite, as a provider anchors them */
    public BatchRoot batchRoot() {
        return new BatchRoot(suite, rootHex(), size);
    }

    /**
     * The audit path of one leaf.
     *
     * @param leafIndex from 0 to {@code size() - 1}
     * @return the proof, with between 0 and ⌈log2 size⌉ hashes
     * @throws IndexOutOfBoundsException if there is no such leaf
     */
    public InclusionProof inclusionProof(int leafIndex) {
        Objects.checkIndex(leafIndex, size);
        List<String> path = new ArrayList<>(levels.length);
        int index = leafIndex;
        for (int level = 0; level < levels.length - 1; level++) {
            int sibling = index ^ 1;
            // no sibling: this node is a level's unpaired last node and moved up unchanged
            if (sibling < levels[level].length / HASH) {
                path.add(HEX.formatHex(levels[level], sibling * HASH, (sibling + 1) * HASH));
            }
            index >>>= 1;
        }
        return new InclusionProof(ProofFormat.VERSION, suite, leafIndex, size, path);
    }

    @Override
    public String toString() {
        return "MerkleTree[" + suite + ", size=" + size + ", root=" + rootHex() + "]";
    }

    /** Collects leaves; {@link #build()} hashes them. Not thread-safe; may be built more than once. */
    public static final class Builder {

        private final CryptoSuite suite;
        private byte[] leaves = new byte[16 * HASH];
        private int count;

        private Builder(CryptoSuite suite) {
            this.suite = suite;
        }

        /**
         * Reserves room, to avoid copying while adding a large batch.
         *
         * @param leafCount how many leaves will be added
         * @return this builder
         */
        public Builder expectedSize(int leafCount) {
            if (leafCount < 0 || leafCount > MAX_LEAVES) {
                throw new IllegalArgumentException("expected size must be between 0 and " + MAX_LEAVES);
            }
            ensureCapacity(leafCount);
            return this;
        }

        /**
         * Adds the root of a committed record as the next leaf.
         *
         * @param record a record committed with this tree's suite
         * @return this builder
         * @throws IllegalArgumentException if the record was committed with another suite
         */
        public Builder add(CommittedRecord record) {
            Objects.requireNonNull(record, "record");
            if (record.suite() != suite) {
                throw new IllegalArgumentException(record + " is committed with " + record.suite()
                        + ", the tree uses " + suite);
            }
            return add(record.root());
        }

        /**
         * Adds the next leaf.
         *
         * @param leaf a record root, exactly 32 bytes; copied
         * @return this builder
         */
        public Builder add(byte[] leaf) {
            Objects.requireNonNull(leaf, "leaf");
            if (leaf.length != HASH) {
                throw new IllegalArgumentException("leaf " + count + " must be a record root of " + HASH
                        + " bytes, was " + leaf.length);
            }
            if (count == MAX_LEAVES) {
                throw new IllegalArgumentException("a batch tree has at most " + MAX_LEAVES + " leaves");
            }
            ensureCapacity(count + 1);
            System.arraycopy(leaf, 0, leaves, count * HASH, HASH);
            count++;
            return this;
        }

        /**
         * Hashes the leaves into a tree.
         *
         * @return the tree
         * @throws IllegalStateException if no leaf was added: a batch has at least one record
         */
        public MerkleTree build() {
            if (count == 0) {
                throw new IllegalStateException("a batch tree needs at least one leaf; an empty batch has no root");
            }
            byte[][] levels = new byte[levelCount(count)][];
            levels[0] = Arrays.copyOf(leaves, count * HASH);
            LevelHashing.hashLeavesInPlace(suite, levels[0], count);
            for (int level = 1; level < levels.length; level++) {
                levels[level] = LevelHashing.parents(suite, levels[level - 1]);
            }
            return new MerkleTree(suite, count, levels);
        }

        private void ensureCapacity(int leafCount) {
            if (leafCount * HASH > leaves.length) {
                long grown = Math.max((long) leafCount * HASH, 2L * leaves.length);
                leaves = Arrays.copyOf(leaves, (int) Math.min(grown, (long) MAX_LEAVES * HASH));
            }
        }

        /** 1 for one leaf, plus one per halving until a single node remains. */
        private static int levelCount(int leafCount) {
            int levels = 1;
            for (int nodes = leafCount; nodes > 1; nodes = (nodes + 1) / 2) {
                levels++;
            }
            return levels;
        }
    }
}
