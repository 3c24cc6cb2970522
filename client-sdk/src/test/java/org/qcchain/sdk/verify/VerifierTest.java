package org.qcchain.sdk.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qcchain.sdk.verify.Fixtures.FUND;
import static org.qcchain.sdk.verify.Fixtures.SOCIAL;
import static org.qcchain.sdk.verify.Fixtures.at;
import static org.qcchain.sdk.verify.Fixtures.build;
import static org.qcchain.sdk.verify.Fixtures.edit;
import static org.qcchain.sdk.verify.Fixtures.loan;
import static org.qcchain.sdk.verify.Fixtures.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.common.answer.DataAnswer;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.sdk.examples.synthetic.SyntheticAnswer;

/** The answer checks of docs/proof-format.md section 11: what passes, and what each forgery fails with. */
class VerifierTest {

    private static final String RECORD = "/items/0/records/0";

    static void assertFails(CryptoSuite suite, DataAnswer answer, byte[] requestHash, VerificationFailure failure) {
        assertThatThrownBy(() -> verifier(suite).verify(answer, requestHash))
                .isInstanceOfSatisfying(VerificationException.class, e -> assertThat(e.failure()).isEqualTo(failure))
                .hasMessageStartingWith(failure.name() + ": ");
    }

    static void assertFails(CryptoSuite suite, SyntheticAnswer built, DataAnswer answer, VerificationFailure failure) {
        assertFails(suite, answer, built.requestHash(), failure);
    }

    @Nested
    class A_correct_answer {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void verifies_and_gives_the_disclosed_values(CryptoSuite suite) throws Exception {
            SyntheticAnswer built = build(suite, loan(), 1);

            VerifiedAnswer verified = verifier(suite).verify(built.answer(), built.requestHash());

            assertThat(verified.records().keySet()).containsExactly(SOCIAL, FUND);
            VerifiedRecord social = verified.records(SOCIAL).get(0);
            assertThat(social.values().keySet()).containsExactly("active", "monthlyBase", "paidMonths");
            assertThat(social.values().get("paidMonths").asLong()).isEqualTo(48);
            assertThat(social.text("monthlyBase")).isEqualTo("8200.00");
            assertThat(verified.records(FUND).get(0).text("status")).isEqualTo("NORMAL");
            assertThat(social.anchor().providerMspId()).isEqualTo("SocialInsuranceMSP");
            assertThat(social.anchor().position().blockNumber()).isEqualTo(1);
            assertThat(verified.accessPosition().blockNumber()).isEqualTo(2);
            assertThat(verified.accessId()).isEqualTo(built.answer().access().record().get("accessId").asText());
            assertThat(verified.retainUntil()).isPresent();
            assertThat(verified.issuedAt()).isEqualTo(Instant.parse(built.answer().issuedAt()));
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void verifies_against_the_request_json_that_was_sent(CryptoSuite suite) throws Exception {
            SyntheticAnswer built = build(suite, loan(), 2);

            assertThat(verifier(suite).verify(built.answer(), built.request()).subject())
                    .isEqualTo(built.request().get("subject").asText());
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void verifies_with_the_signature_cache_off_and_twice_with_it_on(CryptoSuite suite) throws Exception {
            SyntheticAnswer built = build(suite, loan(), 3);
            Verifier uncached = Verifier.builder().trustAnchors(Fixtures.network(suite).trustAnchors()).suite(suite)
                    .signatureCacheSize(0).build();
            Verifier cached = verifier(suite);

            uncached.verify(built.answer(), built.requestHash());
            cached.verify(built.answer(), built.requestHash());
            cached.verify(built.answer(), built.requestHash());
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void with_no_record_of_the_subject_verifies_with_an_empty_list(CryptoSuite suite) throws Exception {
            SyntheticAnswer built = build(suite, loan(), 4);
            DataAnswer none = edit(built, tree -> ((ArrayNode) tree.at("/items/1/records")).removeAll());

            assertThat(verifier(suite).verify(none, built.requestHash()).records(FUND)).isEmpty();
        }
    }

    @Nested
    class The_envelope {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void of_an_unknown_format_is_rejected(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan(), 5);
            assertFails(suite, built, edit(built, t -> t.put("format", "qcchain-answer/9")),
                    VerificationFailure.FORMAT_UNSUPPORTED);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void signed_in_one_batch_with_other_answers_verifies_each(CryptoSuite suite) throws Exception {
            List<SyntheticAnswer> built = List.of(build(suite, loan(), 21), build(suite, loan(), 22),
                    build(suite, loan(), 23));
            List<DataAnswer> signed = Fixtures.signTogether(built);

            Verifier verifier = verifier(suite);
            for (int i = 0; i < built.size(); i++) {
                verifier.verify(signed.get(i), built.get(i).requestHash());
            }
            assertThat(signed.stream().map(DataAnswer::signature).distinct()).hasSize(1);
            assertThat(signed.get(2).signedBatch().inclusionProof().leafIndex()).isEqualTo(2);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void with_the_place_of_another_answer_of_its_batch_is_rejected(CryptoSuite suite) {
            List<SyntheticAnswer> built = List.of(build(suite, loan(), 24), build(suite, loan(), 25));
            List<DataAnswer> signed = Fixtures.signTogether(built);
            DataAnswer borrowed = signed.get(0).signedBy(signed.get(0).signature(), signed.get(1).signedBatch());

            assertFails(suite, built.get(0), borrowed, VerificationFailure.ANSWER_SIGNATURE_INVALID);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void with_a_batch_statement_of_an_unknown_format_is_rejected(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan(), 26);
            assertFails(suite, built, edit(built, false, t -> at(t, "/signedBatch/batch")
                    .put("format", "qcchain-answer-batch/9")), VerificationFailure.FORMAT_UNSUPPORTED);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void signed_singly_in_the_first_format_still_verifies(CryptoSuite suite) throws Exception {
            SyntheticAnswer built = build(suite, loan(), 27);
            DataAnswer first = built.resignSingly(edit(built, false, t -> t.put("format", "qcchain-answer/1")));

            assertThat(first.signedBatch()).isNull();
            assertThat(verifier(suite).verify(first, built.requestHash()).accessId())
                    .isEqualTo(built.answer().access().record().get("accessId").asText());
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void of_the_first_format_carrying_a_batch_is_malformed(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan(), 28);
            assertFails(suite, built, edit(built, false, t -> t.put("format", "qcchain-answer/1")),
                    VerificationFailure.MALFORMED);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void of_another_suite_is_rejected(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan(), 6);
            String other = suite == CryptoSuite.SM2_SM3 ? "P256_SHA256" : "SM2_SM3";
            assertFails(suite, built, edit(built, t -> t.put("suite", other)), VerificationFailure.SUITE_MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void changed_after_signing_is_rejected(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan(), 7);
            assertFails(suite, built, edit(built, false, t -> t.put("issuedAt", "2026-03-02T09:00:05Z")),
                    VerificationFailure.ANSWER_SIGNATURE_INVALID);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void signed_by_a_node_of_an_untrusted_ca_is_rejected(CryptoSuite suite) {
            var stranger = org.qcchain.sdk.examples.synthetic.SyntheticNetwork.create(suite).node();
            SyntheticAnswer built = build(suite, loan().nodeIdentity(stranger), 8);
            assertFails(suite, built, built.answer(), VerificationFailure.UNTRUSTED_SIGNER);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void signed_with_an_expired_node_certificate_is_rejected(CryptoSuite suite) {
            var expired = Fixtures.network(suite).node(Instant.parse("2026-03-01T10:00:00Z"),
                    java.time.Duration.ofHours(2));
            SyntheticAnswer built = build(suite, loan().nodeIdentity(expired), 9);
            assertFails(suite, built, built.answer(), VerificationFailure.CERTIFICATE_EXPIRED);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void for_another_request_than_the_one_sent_is_rejected(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan(), 10);
            byte[] other = built.requestHash().clone();
            other[0] ^= 1;
            assertFails(suite, built.answer(), other, VerificationFailure.ANSWER_FOR_ANOTHER_REQUEST);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void whose_request_was_changed_is_rejected(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan(), 11);
            assertFails(suite, built, edit(built, t -> at(t, "/request").put("consentId", "consent-0002")),
                    VerificationFailure.ANSWER_FOR_ANOTHER_REQUEST);
        }
    }

    @Nested
    class The_access_record {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void of_another_request_is_rejected(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan(), 12);
            assertFails(suite, built, edit(built, t -> at(t, "/access/record").put("requestHash", "ab".repeat(32))),
                    VerificationFailure.ACCESS_RECORD_MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void of_another_subject_is_rejected(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan(), 13);
            assertFails(suite, built, edit(built, t -> at(t, "/access/record").put("subject", "cd".repeat(32))),
                    VerificationFailure.ACCESS_RECORD_MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void that_denied_the_request_is_rejected(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan().decision("DENIED"), 14);
            assertFails(suite, built, built.answer(), VerificationFailure.ACCESS_RECORD_MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void granting_fewer_fields_is_rejected(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan(), 15);
            assertFails(suite, built, edit(built, t -> ((ArrayNode) t.at("/access/record/items/0/fields")).remove(0)),
                    VerificationFailure.ACCESS_RECORD_MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void other_than_the_transaction_wrote_is_rejected(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan(), 16);
            assertFails(suite, built,
                    edit(built, t -> at(t, "/access/record").put("retainUntil", "2099-01-01T00:00:00Z")),
                    VerificationFailure.ACCESS_RECORD_NOT_ON_LEDGER);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void in_a_transaction_the_block_marks_invalid_is_rejected(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan().accessValidationCode("MVCC_READ_CONFLICT"), 17);
            assertFails(suite, built, built.answer(), VerificationFailure.TRANSACTION_INVALID);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void in_a_transaction_not_in_the_block_is_rejected(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan(), 18);
            assertFails(suite, built, edit(built, t -> at(t, "/access/evidence/transaction").put("rwset", "AAAA")),
                    VerificationFailure.BLOCK_TRANSACTION_NOT_INCLUDED);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void at_another_index_of_the_block_is_rejected(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan(), 19);
            assertFails(suite, built, edit(built, t -> {
                ObjectNode evidence = at(t, "/access/evidence");
                evidence.put("index", evidence.get("index").asInt() + 1);
            }), VerificationFailure.BLOCK_TRANSACTION_NOT_INCLUDED);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void in_a_forged_block_is_rejected(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan(), 20);
            assertFails(suite, built,
                    edit(built, t -> at(t, "/access/evidence/blockHeader").put("timestamp", "2026-03-01T00:00:00Z")),
                    VerificationFailure.BLOCK_SIGNATURE_INVALID);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void in_a_block_signed_again_by_an_untrusted_key_is_rejected(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan(), 21);
            var stranger = org.qcchain.sdk.examples.synthetic.SyntheticNetwork.create(suite).node();
            assertFails(suite, built, edit(built, t -> {
                ObjectNode evidence = at(t, "/access/evidence");
                ObjectNode header = at(t, "/access/evidence/blockHeader").put("timestamp", "2026-03-01T00:00:00Z");
                evidence.put("blockSignature", java.util.Base64.getEncoder().encodeToString(
                        stranger.sign(org.qcchain.common.json.CanonicalJson.serializeUtf8(header))));
            }), VerificationFailure.BLOCK_SIGNATURE_INVALID);
        }
    }

    static JsonNode record(DataAnswer answer) {
        return org.qcchain.common.json.Json.mapper().valueToTree(answer).at(RECORD);
    }
}
