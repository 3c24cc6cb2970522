package org.qcchain.common.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.qcchain.common.proof.Fixtures.HEX;

import java.util.List;
import java.util.Random;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.common.crypto.CryptoSuite;

class InclusionVerificationTest {

    private static final int SIZE = 13;

    private static List<byte[]> leaves() {
        return Fixtures.randomLeaves(new Random(13), SIZE);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(CryptoSuite suite, byte[] leaf,
            InclusionProof proof, BatchRoot batch, ProofFailure reason) {
        ProofException e = catchThrowableOfType(ProofException.class,
                () -> ProofVerifier.forSuite(suite).verifyInclusion(leaf, proof, batch));
        assertThat(e).as("expected %s", reason).isNotNull();
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
        return assertThat(e);
    }

    @Nested
    class Accepts {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void every_leaf_of_every_batch_size_from_1_to_300(CryptoSuite suite) throws ProofException {
            Random random = new Random(300);
            ProofVerifier verifier = ProofVerifier.forSuite(suite);
            for (int size = 1; size <= 300; size++) {
                List<byte[]> leaves = Fixtures.randomLeaves(random, size);
                MerkleTree tree = MerkleTree.of(suite, leaves);
                for (int index = 0; index < size; index++) {
                    verifier.verifyInclusion(leaves.get(index), tree.inclusionProof(index), tree.batchRoot());
                }
            }
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void the_single_leaf_of_a_batch_of_one_with_an_empty_path(CryptoSuite suite) {
            byte[] leaf = Fixtures.key(3);
            MerkleTree tree = MerkleTree.of(suite, List.of(leaf));

            assertThatCode(() -> ProofVerifier.forSuite(suite).verifyInclusion(leaf, tree.inclusionProof(0),
                    tree.batchRoot())).doesNotThrowAnyException();
        }
    }

    @Nested
    class Rejects {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void another_leaf(CryptoSuite suite) {
            MerkleTree tree = MerkleTree.of(suite, leaves());

            assertRejected(suite, leaves().get(4), tree.inclusionProof(5), tree.batchRoot(),
                    ProofFailure.MERKLE_ROOT_MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void a_changed_path_element_at_any_position(CryptoSuite suite) {
            MerkleTree tree = MerkleTree.of(suite, leaves());
            InclusionProof proof = tree.inclusionProof(6);
            for (int i = 0; i < proof.path().size(); i++) {
                int at = i;
                InclusionProof changed = Tamper.path(proof, p -> p.set(at, Tamper.flip(p.get(at))));

                assertRejected(suite, leaves().get(6), changed, tree.batchRoot(), ProofFailure.MERKLE_ROOT_MISMATCH);
            }
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void a_shortened_or_lengthened_path(CryptoSuite suite) {
            MerkleTree tree = MerkleTree.of(suite, leaves());
            InclusionProof proof = tree.inclusionProof(6);

            assertRejected(suite, leaves().get(6), Tamper.path(proof, p -> p.remove(p.size() - 1)), tree.batchRoot(),
                    ProofFailure.MERKLE_PATH_INVALID).hasMessageContaining("path of 4 hashes, the proof has 3");
            assertRejected(suite, leaves().get(6), Tamper.path(proof, p -> p.add(tree.rootHex())), tree.batchRoot(),
                    ProofFailure.MERKLE_PATH_INVALID);
            assertRejected(suite, leaves().get(6), Tamper.path(proof, List::clear), tree.batchRoot(),
                    ProofFailure.MERKLE_PATH_INVALID);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void a_wrong_leaf_index(CryptoSuite suite) {
            MerkleTree tree = MerkleTree.of(suite, leaves());
            InclusionProof proof = tree.inclusionProof(6);

            // same path length at index 7: only the root can tell
            assertRejected(suite, leaves().get(6), Tamper.position(proof, 7, SIZE), tree.batchRoot(),
                    ProofFailure.MERKLE_ROOT_MISMATCH);
            // index 12 is the unpaired last leaf, with a shorter path
            assertRejected(suite, leaves().get(6), Tamper.position(proof, 12, SIZE), tree.batchRoot(),
                    ProofFailure.MERKLE_PATH_INVALID);
            assertRejected(suite, leaves().get(6), Tamper.position(proof, SIZE, SIZE), tree.batchRoot(),
                    ProofFailure.MERKLE_PATH_INVALID).hasMessageContaining("not inside");
            assertRejected(suite, leaves().get(6), Tamper.position(proof, -1, SIZE), tree.batchRoot(),
                    ProofFailure.MERKLE_PATH_INVALID);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void a_tree_size_other_than_the_anchored_one(CryptoSuite suite) {
            MerkleTree tree = MerkleTree.of(suite, leaves());
            InclusionProof proof = tree.inclusionProof(6);

            assertRejected(suite, leaves().get(6), Tamper.position(proof, 6, SIZE + 1), tree.batchRoot(),
                    ProofFailure.MERKLE_TREE_SIZE_MISMATCH).hasMessageContaining("14").hasMessageContaining("13");
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void a_tree_size_that_matches_a_forged_batch_but_not_the_path(CryptoSuite suite) {
            MerkleTree tree = MerkleTree.of(suite, leaves());
            InclusionProof proof = Tamper.position(tree.inclusionProof(6), 6, 7);
            BatchRoot claimed = new BatchRoot(suite, tree.rootHex(), 7);

            // index 6 of 7 is the unpaired last leaf: 2 hashes, not 4
            assertRejected(suite, leaves().get(6), proof, claimed, ProofFailure.MERKLE_PATH_INVALID);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void an_inner_node_presented_as_a_leaf(CryptoSuite suite) throws ProofException {
            List<byte[]> leaves = Fixtures.randomLeaves(new Random(4), 4);
            MerkleTree tree = MerkleTree.of(suite, leaves);
            // the left child of the root, and the right child as its only path element
            byte[] left = Fixtures.nodeHash(suite, Fixtures.leafHash(suite, leaves.get(0)),
                    Fixtures.leafHash(suite, leaves.get(1)));
            byte[] right = Fixtures.nodeHash(suite, Fixtures.leafHash(suite, leaves.get(2)),
                    Fixtures.leafHash(suite, leaves.get(3)));
            InclusionProof forged = new InclusionProof("qcchain-proof/1", suite, 0, 2, List.of(HEX.formatHex(right)));
            BatchRoot claimed = new BatchRoot(suite, tree.rootHex(), 2);

            // without the leaf tag the forgery would hold: H(0x01 || left || right) is the root
            assertThat(Fixtures.nodeHash(suite, left, right)).isEqualTo(tree.root());
            assertRejected(suite, left, forged, claimed, ProofFailure.MERKLE_ROOT_MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void two_children_presented_as_one_leaf(CryptoSuite suite) {
            List<byte[]> leaves = Fixtures.randomLeaves(new Random(4), 2);
            MerkleTree tree = MerkleTree.of(suite, leaves);
            byte[] children = Fixtures.concat(Fixtures.leafHash(suite, leaves.get(0)),
                    Fixtures.leafHash(suite, leaves.get(1)));
            InclusionProof forged = new InclusionProof("qcchain-proof/1", suite, 0, 1, List.of());

            assertRejected(suite, children, forged, new BatchRoot(suite, tree.rootHex(), 1), ProofFailure.MALFORMED)
                    .hasMessageContaining("64");
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void another_suite_in_the_proof_or_the_batch_root(CryptoSuite suite) {
            MerkleTree tree = MerkleTree.of(suite, leaves());
            InclusionProof proof = tree.inclusionProof(2);
            CryptoSuite other = Tamper.other(suite);

            assertRejected(suite, leaves().get(2), Tamper.suite(proof, other), tree.batchRoot(),
                    ProofFailure.SUITE_MISMATCH);
            assertRejected(suite, leaves().get(2), proof, new BatchRoot(other, tree.rootHex(), SIZE),
                    ProofFailure.SUITE_MISMATCH);
            assertRejected(other, leaves().get(2), proof, tree.batchRoot(), ProofFailure.SUITE_MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void the_same_leaves_hashed_in_the_other_suite(CryptoSuite suite) {
            CryptoSuite other = Tamper.other(suite);
            MerkleTree tree = MerkleTree.of(other, leaves());
            InclusionProof relabelled = Tamper.suite(tree.inclusionProof(2), suite);

            assertRejected(suite, leaves().get(2), relabelled, new BatchRoot(suite, tree.rootHex(), SIZE),
                    ProofFailure.MERKLE_ROOT_MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void path_elements_that_are_not_hashes(CryptoSuite suite) {
            MerkleTree tree = MerkleTree.of(suite, leaves());
            InclusionProof proof = tree.inclusionProof(6);

            assertRejected(suite, leaves().get(6), Tamper.path(proof, p -> p.set(1, p.get(1).substring(2))),
                    tree.batchRoot(), ProofFailure.MALFORMED).hasMessageContaining("path[1]");
            assertRejected(suite, leaves().get(6), Tamper.path(proof, p -> p.set(0, null)), tree.batchRoot(),
                    ProofFailure.MALFORMED);
        }

        @Test
        void an_unknown_format() {
            MerkleTree tree = MerkleTree.of(CryptoSuite.P256_SHA256, leaves());
            InclusionProof proof = tree.inclusionProof(0);
            InclusionProof v2 = new InclusionProof("qcchain-proof/2", proof.suite(), 0, SIZE, proof.path());

            assertRejected(CryptoSuite.P256_SHA256, leaves().get(0), v2, tree.batchRoot(),
                    ProofFailure.FORMAT_UNSUPPORTED);
        }
    }
}
