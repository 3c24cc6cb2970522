package org.qcchain.common.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;
import org.qcchain.common.proof.InclusionProof;
import org.qcchain.common.proof.MerkleTree;
import org.qcchain.common.proof.ProofException;
import org.qcchain.common.proof.ProofFailure;

class AnswerSignaturesTest {
    private static final CryptoSuite SUITE = CryptoSuite.P256_SHA256;

    private static DataAnswer unsigned(String format, int n) {
        return new DataAnswer(format, SUITE.name(), Json.tree("{\"nonce\":\"n-" + n + "\"}"),
                String.format("%064x", n), new AccessEvidence(Json.tree("{\"decision\":\"GRANTED\"}"), null),
                List.of(new AnswerItem("vehicle.registration", List.of())), "2026-03-02T09:00:00Z",
                "-----BEGIN CERTIFICATE-----", null, null);
    }

    /** Signs {@code answers} as one batch, as a node does. */
    private static List<DataAnswer> signedBatch(List<DataAnswer> answers, KeyPair node) {
        MerkleTree.Builder tree = MerkleTree.builder(SUITE);
        answers.forEach(answer -> tree.add(AnswerSignatures.digest(answer, SUITE)));
        MerkleTree built = tree.build();
        AnswerBatch batch = AnswerBatch.of(built);
        String signature = java.util.Base64.getEncoder().encodeToString(SUITE.sign(node.getPrivate(),
                batch.signingBytes()));
        List<DataAnswer> signed = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            signed.add(answers.get(i).signedBy(signature, new SignedBatch(batch, built.inclusionProof(i))));
        }
        return signed;
    }

    private static List<DataAnswer> batchOf(int size, KeyPair node) {
        List<DataAnswer> answers = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            answers.add(unsigned(DataAnswer.FORMAT, i));
        }
        return signedBatch(answers, node);
    }

    private static ProofFailure failure(DataAnswer answer) {
        try {
            AnswerSignatures.signedBytes(answer, SUITE);
        } catch (ProofException e) {
            return e.reason();
        }
        throw new AssertionError("the answer passed");
    }

    @Test
    void every_answer_of_a_batch_leads_to_the_one_signed_statement() throws Exception {
        KeyPair node = SUITE.generateKeyPair();
        for (int size : new int[] {1, 2, 5, 17}) {
            List<DataAnswer> batch = batchOf(size, node);
            byte[] statement = batch.get(0).signedBatch().batch().signingBytes();
            for (DataAnswer answer : batch) {
                // through JSON, as a consumer receives it
                DataAnswer received = DataAnswer.fromJson(answer.toJson());
                byte[] signed = AnswerSignatures.signedBytes(received, SUITE);
                assertThat(signed).isEqualTo(statement);
                SUITE.verify(node.getPublic(), signed, java.util.Base64.getDecoder().decode(received.signature()));
            }
            assertThat(new String(statement, java.nio.charset.StandardCharsets.UTF_8))
                    .startsWith("{\"format\":\"qcchain-answer-batch/1\",\"root\":\"").endsWith(",\"size\":" + size
                            + ",\"suite\":\"P256_SHA256\"}");
        }
    }

    @Test
    void a_changed_answer_or_a_borrowed_proof_is_not_in_the_signed_batch() {
        List<DataAnswer> batch = batchOf(5, SUITE.generateKeyPair());
        DataAnswer first = batch.get(0);
        DataAnswer changed = new DataAnswer(first.format(), first.suite(), first.request(), first.requestHash(),
                first.access(), first.items(), "2026-03-02T09:00:01Z", first.nodeCertificate(), first.signature(),
                first.signedBatch());
        assertThat(failure(changed)).isEqualTo(ProofFailure.MERKLE_ROOT_MISMATCH);
        DataAnswer borrowed = first.signedBy(first.signature(), batch.get(1).signedBatch());
        assertThat(failure(borrowed)).isEqualTo(ProofFailure.MERKLE_ROOT_MISMATCH);
    }

    @Test
    void a_statement_and_a_proof_that_disagree_on_the_size_are_refused() {
        DataAnswer answer = batchOf(4, SUITE.generateKeyPair()).get(2);
        AnswerBatch batch = answer.signedBatch().batch();
        AnswerBatch larger = new AnswerBatch(batch.format(), batch.root(), 5, batch.suite());
        assertThat(failure(answer.signedBy(answer.signature(), new SignedBatch(larger,
                answer.signedBatch().inclusionProof())))).isEqualTo(ProofFailure.MERKLE_TREE_SIZE_MISMATCH);
        InclusionProof proof = answer.signedBatch().inclusionProof();
        InclusionProof elsewhere = new InclusionProof(proof.format(), proof.suite(), 3, proof.treeSize(), proof.path());
        assertThat(failure(answer.signedBy(answer.signature(), new SignedBatch(batch, elsewhere))))
                .isEqualTo(ProofFailure.MERKLE_ROOT_MISMATCH);
    }

    @Test
    void unknown_formats_other_suites_and_missing_parts_are_named() {
        DataAnswer answer = batchOf(2, SUITE.generateKeyPair()).get(1);
        AnswerBatch batch = answer.signedBatch().batch();
        InclusionProof proof = answer.signedBatch().inclusionProof();
        assertThat(failure(answer.signedBy(answer.signature(), new SignedBatch(new AnswerBatch(
                "qcchain-answer-batch/9", batch.root(), batch.size(), SUITE), proof))))
                .isEqualTo(ProofFailure.FORMAT_UNSUPPORTED);
        assertThat(failure(answer.signedBy(answer.signature(), new SignedBatch(new AnswerBatch(
                batch.format(), batch.root(), batch.size(), CryptoSuite.SM2_SM3), proof))))
                .isEqualTo(ProofFailure.SUITE_MISMATCH);
        assertThat(failure(answer.signedBy(answer.signature(), new SignedBatch(new AnswerBatch(
                batch.format(), "not hex", batch.size(), SUITE), proof)))).isEqualTo(ProofFailure.MALFORMED);
        assertThat(failure(answer.signedBy(answer.signature(), null))).isEqualTo(ProofFailure.MALFORMED);
        assertThat(failure(answer.signedBy(answer.signature(), new SignedBatch(batch, null))))
                .isEqualTo(ProofFailure.MALFORMED);
        assertThat(failure(unsigned("qcchain-answer/9", 1))).isEqualTo(ProofFailure.FORMAT_UNSUPPORTED);
    }

    @Test
    void a_singly_signed_answer_covers_itself_and_carries_no_batch() throws ProofException {
        DataAnswer single = unsigned(DataAnswer.FORMAT_SINGLY_SIGNED, 7).withSignature("c2ln");
        assertThat(AnswerSignatures.signedBytes(single, SUITE)).isEqualTo(single.signingBytes());
        DataAnswer withBatch = single.signedBy("c2ln", batchOf(1, SUITE.generateKeyPair()).get(0).signedBatch());
        assertThatThrownBy(() -> AnswerSignatures.signedBytes(withBatch, SUITE)).isInstanceOf(ProofException.class)
                .hasMessageContaining("no signedBatch");
    }
}
