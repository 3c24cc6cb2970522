package org.qcchain.common.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;

class ProofJsonTest {

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void a_disclosure_survives_json_and_still_verifies(CryptoSuite suite) throws ProofException {
        Disclosure disclosure = Fixtures.committedVehicle(suite).disclose(Set.of("plate", "seats", "insured", "mortgagee"));

        Disclosure read = Disclosure.fromJson(disclosure.toJson());

        assertThat(read).isEqualTo(disclosure);
        DisclosureVerifier.forSuite(suite).verify(read);
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void an_inclusion_proof_survives_json(CryptoSuite suite) throws ProofException {
        InclusionProof proof = MerkleTree.of(suite, Fixtures.randomLeaves(new java.util.Random(1), 11))
                .inclusionProof(9);

        assertThat(InclusionProof.fromJson(proof.toJson())).isEqualTo(proof);
    }

    @Test
    void a_disclosure_has_exactly_the_documented_members() {
        JsonNode json = Json.tree(Fixtures.committedVehicle(CryptoSuite.P256_SHA256)
                .disclose(Set.of("mortgagee")).toJson());

        assertThat(json.fieldNames()).toIterable().containsExactly("commitments", "datasetId", "format",
                "openings", "recordId", "recordRoot", "subject", "suite", "version");
        assertThat(json.get("openings").get("mortgagee").fieldNames()).toIterable().containsExactly("salt", "value");
        assertThat(json.get("openings").get("mortgagee").get("value").isNull()).isTrue();
        assertThat(json.get("suite").asText()).isEqualTo("P256_SHA256");
        assertThat(json.get("format").asText()).isEqualTo("qcchain-proof/1");
    }

    @Test
    void an_inclusion_proof_has_exactly_the_documented_members() {
        JsonNode json = Json.tree(MerkleTree.of(CryptoSuite.SM2_SM3, java.util.List.of(new byte[32]))
                .inclusionProof(0).toJson());

        assertThat(json.fieldNames()).toIterable()
                .containsExactly("format", "leafIndex", "path", "suite", "treeSize");
        assertThat(json.get("path").isArray()).isTrue();
    }

    @Test
    void unreadable_json_is_malformed() {
        String json = Fixtures.committedVehicle(CryptoSuite.P256_SHA256).disclose(Set.of()).toJson();
        ProofException e = catchThrowableOfType(ProofException.class,
                () -> Disclosure.fromJson(json.replace("{\"commitments\"", "{\"extra\":1,\"commitments\"")));
        assertThat(e.reason()).isEqualTo(ProofFailure.MALFORMED);
        assertThat(e).hasMessageContaining("extra");

        ProofException missing = catchThrowableOfType(ProofException.class,
                () -> Disclosure.fromJson("{\"format\":\"qcchain-proof/1\"}"));
        assertThat(missing.reason()).isEqualTo(ProofFailure.MALFORMED);
        assertThat(missing).hasMessageContaining("version");

        ProofException proof = catchThrowableOfType(ProofException.class,
                () -> InclusionProof.fromJson("{\"leafIndex\":\"1\"}"));
        assertThat(proof.reason()).isEqualTo(ProofFailure.MALFORMED);
    }

    @Test
    void a_fractional_value_read_from_json_is_malformed_when_verified() throws ProofException {
        Disclosure disclosure = Fixtures.committedVehicle(CryptoSuite.P256_SHA256).disclose(Set.of("seats"));
        Disclosure read = Disclosure.fromJson(disclosure.toJson().replace("\"value\":5", "\"value\":5.0"));

        ProofException e = catchThrowableOfType(ProofException.class,
                () -> DisclosureVerifier.forSuite(CryptoSuite.P256_SHA256).verify(read));
        assertThat(e.reason()).isEqualTo(ProofFailure.MALFORMED);
    }

    @Test
    void a_missing_value_is_malformed_and_distinct_from_null() throws ProofException {
        Disclosure disclosure = Fixtures.committedVehicle(CryptoSuite.P256_SHA256).disclose(Set.of("mortgagee"));
        String json = disclosure.toJson();
        Disclosure read = Disclosure.fromJson(json.replace(",\"value\":null", ""));

        DisclosureVerifier.forSuite(CryptoSuite.P256_SHA256).verify(Disclosure.fromJson(json));
        ProofException e = catchThrowableOfType(ProofException.class,
                () -> DisclosureVerifier.forSuite(CryptoSuite.P256_SHA256).verify(read));
        assertThat(e.reason()).isEqualTo(ProofFailure.MALFORMED);
    }
}
