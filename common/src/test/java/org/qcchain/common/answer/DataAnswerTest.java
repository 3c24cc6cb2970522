package org.qcchain.common.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qcchain.common.json.Json;
import org.qcchain.common.json.JsonInputException;

class DataAnswerTest {
    private static DataAnswer answer(String signature) {
        return new DataAnswer(DataAnswer.FORMAT, "P256_SHA256", Json.tree("{\"nonce\":\"n-1\",\"b\":1}"),
                "ab".repeat(32), new AccessEvidence(Json.tree("{\"decision\":\"GRANTED\"}"), null),
                List.of(new AnswerItem("vehicle.registration", List.of())), "2026-03-02T09:00:00Z",
                "-----BEGIN CERTIFICATE-----", signature);
    }

    @Test
    void the_signed_bytes_leave_out_the_signature_and_are_canonical() {
        String bytes = new String(answer("c2ln").signingBytes(), StandardCharsets.UTF_8);
        assertThat(bytes).doesNotContain("signature").startsWith("{\"access\":").contains("\"request\":{\"b\":1,");
        assertThat(answer("c2ln").signingBytes()).isEqualTo(answer(null).signingBytes());
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
