package org.qcchain.common.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;
import org.qcchain.common.json.JsonInputException;
import org.qcchain.common.proof.InclusionProof;
import org.qcchain.common.proof.ProofFormat;

class DataAnswerTest {
    private static DataAnswer answer(String signature) {
        return new DataAnswer(DataAnswer.FORMAT, "P256_SHA256", Json.tree("{\"nonce\":\"n-1\",\"b\":1}"),
                "ab".repeat(32), new AccessEvidence(Json.tree("{\"decision\":\"GRANTED\"}"), null),
                List.of(new AnswerItem("vehicle.registration", List.of())), "2026-03-02T09:00:00Z",
                "-----BEGIN CERTIFICATE-----", signature, null);
    }

    @Test
    void the_signed_bytes_leave_out_the_signature_and_are_canonical() {
        String bytes = new String(answer("c2ln").signingBytes(), StandardCharsets.UTF_8);
        assertThat(bytes).doesNotContain("signature").startsWith("{\"access\":").contains("\"request\":{\"b\":1,");
        assertThat(answer("c2ln").signingBytes()).isEqualTo(answer(null).signingBytes());
    }

    @Test
    void the_signed_bytes_leave_out_the_batch_too() {
        SignedBatch batch = new SignedBatch(new AnswerBatch(AnswerBatch.FORMAT, "cd".repeat(32), 1,
                CryptoSuite.P256_SHA256), new InclusionProof(ProofFormat.VERSION, CryptoSuite.P256_SHA256, 0, 1,
                List.of()));
        DataAnswer signed = answer(null).signedBy("c2ln", batch);
        assertThat(signed.signingBytes()).isEqualTo(answer(null).signingBytes());
        assertThat(DataAnswer.fromJson(signed.toJson())).isEqualTo(signed);
        assertThat(signed.toJson()).contains("\"signedBatch\":{\"batch\":{\"format\":\"qcchain-answer-batch/1\"");
    }

    @Test
    void round_trips_through_json() {
        DataAnswer original = answer("c2ln");
        assertThat(DataAnswer.fromJson(original.toJson())).isEqualTo(original);
    }

    @Test
    void refuses_unknown_fields() {
        String json = answer("c2ln").toJson();
        assertThatThrownBy(() -> DataAnswer.fromJson(json.replace("{\"access\"", "{\"extra\":1,\"access\"")))
                .isInstanceOf(JsonInputException.class);
    }
}
