package org.qcchain.common.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qcchain.common.proof.Fixtures.HEX;
import static org.qcchain.common.proof.Fixtures.leafHash;
import static org.qcchain.common.proof.Fixtures.nodeHash;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.common.crypto.CryptoSuite;

class MerkleTreeTest {

    /** Leaves d0..d(n-1) with d_i = 32 bytes of value i, so hand computations stay readable. */
    private static List<byte[]> leaves(int count) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(Fixtures.key(i));
        }
        return leaves;
    }

    @Nested
    class Structure {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void root_of_one_leaf_is_its_leaf_hash_and_its_path_is_empty(CryptoSuite suite) {
            MerkleTree tree = MerkleTree.of(suite, leaves(1));

            assertThat(tree.root()).isEqualTo(leafHash(suite, Fixtures.key(0)));
            assertThat(tree.inclusionProof(0).path()).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void root_of_two_leaves_is_the_node_hash_of_both_leaf_hashes(CryptoSuite suite) {
            byte[] a = leafHash(suite, Fixtures.key(0));
            byte[] b = leafHash(suite, Fixtures.key(1));
            MerkleTree tree = MerkleTree.of(suite, leaves(2));

            assertThat(tree.root()).isEqualTo(nodeHash(suite, a, b));
            assertThat(tree.inclusionProof(0).path()).containsExactly(HEX.formatHex(b));
            assertThat(tree.inclusionProof(1).path()).containsExactly(HEX.formatHex(a));
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void root_of_three_leaves_splits_two_and_one(CryptoSuite suite) {
            byte[][] l = leafHashes(suite, 3);
            byte[] ab = nodeHash(suite, l[0], l[1]);
            MerkleTree tree = MerkleTree.of(suite, leaves(3));

            assertThat(tree.root()).isEqualTo(nodeHash(suite, ab, l[2]));
            assertThat(tree.inclusionProof(0).path()).containsExactly(HEX.formatHex(l[1]), HEX.formatHex(l[2]));
            assertThat(tree.inclusionProof(2).path()).containsExactly(HEX.formatHex(ab));
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void root_of_seven_leaves_splits_four_and_three(CryptoSuite suite) {
            byte[][] l = leafHashes(suite, 7);
            byte[] n01 = nodeHash(suite, l[0], l[1]);
            byte[] n23 = nodeHash(suite, l[2], l[3]);
            byte[] n45 = nodeHash(suite, l[4], l[5]);
            byte[] left = nodeHash(suite, n01, n23);
            byte[] right = nodeHash(suite, n45, l[6]);
            MerkleTree tree = MerkleTree.of(suite, leaves(7));

            assertThat(tree.root()).isEqualTo(nodeHash(suite, left, right));
            assertThat(tree.inclusionProof(6).path()).containsExactly(HEX.formatHex(n45), HEX.formatHex(left));
            assertThat(tree.inclusionProof(3).path())
                    .containsExactly(HEX.formatHex(l[2]), HEX.formatHex(n01), HEX.formatHex(right));
            assertThat(pathLengths(tree)).containsExactly(3, 3, 3, 3, 3, 3, 2);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void root_of_eight_leaves_is_the_complete_binary_tree(CryptoSuite suite) {
            byte[][] l = leafHashes(suite, 8);
            byte[][] level1 = new byte[4][];
            for (int i = 0; i < 4; i++) {
                level1[i] = nodeHash(suite, l[2 * i], l[2 * i + 1]);
            }
            byte[] left = nodeHash(suite, level1[0], level1[1]);
            byte[] right = nodeHash(suite, level1[2], level1[3]);
            MerkleTree tree = MerkleTree.of(suite, leaves(8));

            assertThat(tree.root()).isEqualTo(nodeHash(suite, left, right));
            assertThat(tree.inclusionProof(5).path())
                    .containsExactly(HEX.formatHex(l[4]), HEX.formatHex(level1[3]), HEX.formatHex(left));
            assertThat(pathLengths(tree)).containsOnly(3);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void roots_and_paths_equal_the_literal_rfc_6962_definition_for_every_size_to_300(CryptoSuite suite) {
            Random random = new Random(6962);
            for (int size = 1; size <= 300; size++) {
                List<byte[]> leaves = Fixtures.randomLeaves(random, size);
                MerkleTree tree = MerkleTree.of(suite, leaves);

                assertThat(tree.root()).as("root of %d", size).isEqualTo(Fixtures.referenceRoot(suite, leaves));
                for (int index = 0; index < size; index += 1 + size / 20) {
                    assertThat(tree.inclusionProof(index).path()).as("path of %d in %d", index, size)
                            .isEqualTo(Fixtures.referencePath(suite, index, leaves));
                }
            }
        }

        @Test
        void proof_carries_format_suite_index_and_size() {
            InclusionProof proof = MerkleTree.of(CryptoSuite.SM2_SM3, leaves(5)).inclusionProof(4);

            assertThat(proof.format()).isEqualTo("qcchain-proof/1");
            assertThat(proof.suite()).isEqualTo(CryptoSuite.SM2_SM3);
            assertThat(proof.leafIndex()).isEqualTo(4);
            assertThat(proof.treeSize()).isEqualTo(5);
        }

        @Test
        void batch_root_carries_the_root_size_and_suite() {
            MerkleTree tree = MerkleTree.of(CryptoSuite.P256_SHA256, leaves(5));

            assertThat(tree.batchRoot()).isEqualTo(new BatchRoot(CryptoSuite.P256_SHA256, tree.rootHex(), 5));
        }

        private byte[][] leafHashes(CryptoSuite suite, int count) {
            byte[][] hashes = new byte[count][];
            for (int i = 0; i < count; i++) {
                hashes[i] = leafHash(suite, Fixtures.key(i));
            }
            return hashes;
        }

        private List<Integer> pathLengths(MerkleTree tree) {
            List<Integer> lengths = new ArrayList<>();
            for (int i = 0; i < tree.size(); i++) {
                lengths.add(tree.inclusionProof(i).path().size());
            }
            return lengths;
        }
    }

    @Nested
    class LargeBatches {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void a_million_leaves_build_and_prove_like_the_reference(CryptoSuite suite) throws ProofException {
            Random random = new Random(1_000_000);
            MerkleTree.Builder builder = MerkleTree.builder(suite).expectedSize(1_000_000);
            byte[] leaf = new byte[32];
            byte[] sampled = null;
            for (int i = 0; i < 1_000_000; i++) {
                random.nextBytes(leaf);
                builder.add(leaf);
                if (i == 765_432) {
                    sampled = leaf.clone();
                }
            }
            MerkleTree tree = builder.build();

            ProofVerifier.forSuite(suite).verifyInclusion(sampled, tree.inclusionProof(765_432), tree.batchRoot());
            assertThat(tree.inclusionProof(0).path()).hasSize(20);
            // the last leaf has a sibling exactly where n - 1 has a one bit
            assertThat(tree.inclusionProof(999_999).path()).hasSize(Integer.bitCount(999_999));
        }

        @Test
        void a_builder_adds_past_its_initial_capacity_and_builds_again() {
            MerkleTree.Builder builder = MerkleTree.builder(CryptoSuite.P256_SHA256);
            leaves(40).forEach(builder::add);
            MerkleTree first = builder.build();
            MerkleTree second = builder.build();

            assertThat(first.rootHex()).isEqualTo(second.rootHex())
                    .isEqualTo(HEX.formatHex(Fixtures.referenceRoot(CryptoSuite.P256_SHA256, leaves(40))));
        }
    }

    @Nested
    class Rejections {

        @Test
        void an_empty_batch_has_no_root() {
            assertThatThrownBy(() -> MerkleTree.builder(CryptoSuite.P256_SHA256).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("at least one leaf");
        }

        @Test
        void a_leaf_that_is_not_a_record_root_is_refused() {
            assertThatThrownBy(() -> MerkleTree.builder(CryptoSuite.P256_SHA256).add(new byte[64]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("32 bytes, was 64");
        }

        @Test
        void a_record_of_another_suite_is_refused() {
            CommittedRecord sm3 = Fixtures.committedVehicle(CryptoSuite.SM2_SM3);

            assertThatThrownBy(() -> MerkleTree.builder(CryptoSuite.P256_SHA256).add(sm3))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("SM2_SM3");
        }

        @Test
        void a_proof_for_a_missing_leaf_is_refused() {
            MerkleTree tree = MerkleTree.of(CryptoSuite.P256_SHA256, leaves(3));

            assertThatThrownBy(() -> tree.inclusionProof(3)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> tree.inclusionProof(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }
}
