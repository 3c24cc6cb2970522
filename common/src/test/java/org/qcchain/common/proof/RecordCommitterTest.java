package org.qcchain.common.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qcchain.common.proof.Fixtures.HEX;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.common.crypto.CryptoSuite;

class RecordCommitterTest {

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void field_commitment_is_the_tagged_hash_of_canonical_field_salt_and_value(CryptoSuite suite) {
        CommittedRecord committed = Fixtures.committedVehicle(suite);
        String salt = Base64.getEncoder().encodeToString(committed.salt("plate"));
        String canonical = "{\"field\":\"plate\",\"salt\":\"" + salt + "\",\"value\":\"鲁A12345\"}";

        assertThat(committed.commitments().get("plate")).isEqualTo(HEX.formatHex(suite.hash(
                Fixtures.concat(new byte[] {0x02}, canonical.getBytes(StandardCharsets.UTF_8)))));
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void null_values_are_committed_as_json_null(CryptoSuite suite) {
        CommittedRecord committed = Fixtures.committedVehicle(suite);
        String salt = Base64.getEncoder().encodeToString(committed.salt("mortgagee"));
        String canonical = "{\"field\":\"mortgagee\",\"salt\":\"" + salt + "\",\"value\":null}";

        assertThat(committed.commitments().get("mortgagee")).isEqualTo(HEX.formatHex(suite.hash(
                Fixtures.concat(new byte[] {0x02}, canonical.getBytes(StandardCharsets.UTF_8)))));
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void record_root_is_the_tagged_hash_of_the_canonical_header_with_all_commitments(CryptoSuite suite) {
        CommittedRecord committed = Fixtures.committedVehicle(suite);
        Map<String, String> c = committed.commitments();
        String canonical = "{\"commitments\":{"
                + "\"colour\":\"" + c.get("colour") + "\",\"insured\":\"" + c.get("insured")
                + "\",\"mortgagee\":\"" + c.get("mortgagee") + "\",\"plate\":\"" + c.get("plate")
                + "\",\"seats\":\"" + c.get("seats") + "\"},"
                + "\"datasetId\":\"vehicle.registration\",\"format\":\"qcchain-proof/1\","
                + "\"recordId\":\"rec-0001\",\"subject\":\"" + Fixtures.SUBJECT + "\",\"version\":3}";

        assertThat(committed.root()).isEqualTo(suite.hash(
                Fixtures.concat(new byte[] {0x03}, canonical.getBytes(StandardCharsets.UTF_8))));
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void derived_salts_give_the_same_root_twice(CryptoSuite suite) {
        assertThat(Fixtures.committedVehicle(suite).rootHex()).isEqualTo(Fixtures.committedVehicle(suite).rootHex());
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void random_salts_give_different_roots_and_stored_salts_give_the_same_again(CryptoSuite suite) {
        RecordCommitter random = RecordCommitter.create(suite, SaltSource.random());
        CommittedRecord first = random.commit(Fixtures.vehicle());
        Map<String, byte[]> kept = new HashMap<>();
        first.commitments().keySet().forEach(field -> kept.put(field, first.salt(field)));

        assertThat(random.commit(Fixtures.vehicle()).rootHex()).isNotEqualTo(first.rootHex());
        assertThat(RecordCommitter.create(suite, SaltSource.stored(kept)).commit(Fixtures.vehicle()).rootHex())
                .isEqualTo(first.rootHex());
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void a_new_version_gets_new_salts_and_a_new_root(CryptoSuite suite) {
        DataRecord v4 = DataRecord.builder().datasetId("vehicle.registration").recordId("rec-0001").version(4)
                .subject(Fixtures.SUBJECT).field("plate", "鲁A12345").field("seats", 5).field("insured", true)
                .nullField("mortgagee").field("colour", "white").build();
        CommittedRecord committed = RecordCommitter.create(suite, SaltSource.derived(suite, Fixtures.key(1)))
                .commit(v4);

        assertThat(committed.salt("plate")).isNotEqualTo(Fixtures.committedVehicle(suite).salt("plate"));
        assertThat(committed.rootHex()).isNotEqualTo(Fixtures.committedVehicle(suite).rootHex());
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void the_suites_give_different_roots(CryptoSuite suite) {
        CryptoSuite other = suite == CryptoSuite.P256_SHA256 ? CryptoSuite.SM2_SM3 : CryptoSuite.P256_SHA256;

        assertThat(Fixtures.committedVehicle(suite).rootHex()).isNotEqualTo(Fixtures.committedVehicle(other).rootHex());
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void a_salt_source_giving_short_salts_is_refused(CryptoSuite suite) {
        RecordCommitter committer = RecordCommitter.create(suite, (record, field) -> new byte[16]);

        assertThatThrownBy(() -> committer.commit(Fixtures.vehicle()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void disclosing_an_unknown_field_is_refused(CryptoSuite suite) {
        assertThatThrownBy(() -> Fixtures.committedVehicle(suite).disclose(Set.of("plate", "owner")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'owner'");
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void a_disclosure_opens_only_the_chosen_fields_but_carries_every_commitment(CryptoSuite suite) {
        CommittedRecord committed = Fixtures.committedVehicle(suite);
        Disclosure disclosure = committed.disclose(Set.of("plate", "mortgagee"));

        assertThat(disclosure.openings()).containsOnlyKeys("mortgagee", "plate");
        assertThat(disclosure.commitments()).isEqualTo(committed.commitments());
        assertThat(disclosure.recordRoot()).isEqualTo(committed.rootHex());
        assertThat(disclosure.disclosedValues().get("plate").asText()).isEqualTo("鲁A12345");
        assertThat(disclosure.toString()).doesNotContain("鲁A12345");
        assertThat(committed.toString()).doesNotContain("鲁A12345");
    }
}
