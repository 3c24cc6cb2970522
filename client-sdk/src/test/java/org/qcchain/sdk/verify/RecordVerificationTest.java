package org.qcchain.sdk.verify;

import static org.qcchain.sdk.verify.Fixtures.at;
import static org.qcchain.sdk.verify.Fixtures.build;
import static org.qcchain.sdk.verify.Fixtures.edit;
import static org.qcchain.sdk.verify.Fixtures.loan;
import static org.qcchain.sdk.verify.VerifierTest.assertFails;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;
import org.qcchain.sdk.examples.synthetic.SyntheticAnswer;

/** Checks 6 to 10: disclosure, commitments, anchor, Merkle path and anchor evidence of each record. */
class RecordVerificationTest {

    private static final String SOCIAL = "/items/0/records/0";
    private static final String OPENINGS = SOCIAL + "/disclosure/openings";

    @Nested
    class A_disclosure {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void with_a_changed_value_is_rejected(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan(), 31);
            assertFails(suite, built, edit(built, t -> at(t, OPENINGS + "/paidMonths").put("value", 60)),
                    VerificationFailure.FIELD_COMMITMENT_MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void with_a_wrong_salt_is_rejected(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan(), 32);
            assertFails(suite, built, edit(built, t -> {
                JsonNode other = t.at(OPENINGS + "/active/salt");
                at(t, OPENINGS + "/paidMonths").set("salt", other);
            }), VerificationFailure.FIELD_COMMITMENT_MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void with_two_fields_swapped_is_rejected(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan(), 33);
            assertFails(suite, built, edit(built, t -> {
                ObjectNode openings = at(t, OPENINGS);
                JsonNode months = openings.get("paidMonths");
                openings.set("paidMonths", openings.get("monthlyBase"));
                openings.set("monthlyBase", months);
            }), VerificationFailure.FIELD_COMMITMENT_MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void with_a_changed_hidden_commitment_is_rejected(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan(), 34);
            assertFails(suite, built, edit(built, t -> at(t, SOCIAL + "/disclosure/commitments")
                    .put("employer", "00".repeat(32))), VerificationFailure.RECORD_ROOT_MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void of_another_subject_is_rejected(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan(), 35);
            assertFails(suite, built, edit(built, t -> at(t, SOCIAL + "/disclosure").put("subject", "ef".repeat(32))),
                    VerificationFailure.DISCLOSURE_MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void opening_fewer_fields_than_requested_is_rejected(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan(), 36);
            assertFails(suite, built, edit(built, t -> at(t, OPENINGS).remove("active")),
                    VerificationFailure.DISCLOSURE_MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void in_the_wrong_item_is_rejected(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan(), 37);
            assertFails(suite, built, edit(built, t -> {
                ArrayNode items = (ArrayNode) t.get("items");
                JsonNode first = items.get(0);
                items.set(0, items.get(1));
                items.set(1, first);
            }), VerificationFailure.DISCLOSURE_MISMATCH);
        }
    }

    @Nested
    class An_inclusion_proof {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void with_a_wrong_path_hash_is_rejected(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan(), 41);
            assertFails(suite, built, edit(built, t -> ((ArrayNode) t.at(SOCIAL + "/inclusionProof/path"))
                    .set(0, "11".repeat(32))), VerificationFailure.MERKLE_ROOT_MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void shortened_is_rejected(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan(), 42);
            assertFails(suite, built, edit(built, t -> ((ArrayNode) t.at(SOCIAL + "/inclusionProof/path")).remove(0)),
                    VerificationFailure.MERKLE_PATH_INVALID);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void for_a_tree_of_another_size_is_rejected(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan(), 43);
            assertFails(suite, built, edit(built, t -> at(t, SOCIAL + "/inclusionProof").put("treeSize", 64)),
                    VerificationFailure.MERKLE_TREE_SIZE_MISMATCH);
        }
    }

    @Nested
    class An_anchor {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void of_another_dataset_is_rejected(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan(), 51);
            assertFails(suite, built, edit(built, t -> {
                ObjectNode social = at(t, SOCIAL);
                social.set("anchor", t.at("/items/1/records/0/anchor"));
                social.set("anchorEvidence", t.at("/items/1/records/0/anchorEvidence"));
            }), VerificationFailure.ANCHOR_MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void signed_with_a_certificate_of_another_providers_ca_is_rejected(CryptoSuite suite) {
            var intruder = Fixtures.network(suite).member("ProvidentFundMSP", "intruder");
            SyntheticAnswer built = build(suite, loan().anchorSigner(Fixtures.SOCIAL, intruder), 52);
            assertFails(suite, built, built.answer(), VerificationFailure.ANCHOR_SIGNATURE_INVALID);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void that_the_provider_signed_as_retiring_records_proves_no_disclosure(CryptoSuite suite) {
            var signer = Fixtures.network(suite).member("SocialInsuranceMSP", "retiring-signer");
            SyntheticAnswer built = build(suite, loan().anchorSigner(Fixtures.SOCIAL, signer), 56);
            assertFails(suite, built, edit(built, t -> {
                ObjectNode statement = at(t, SOCIAL + "/anchor/statement").put("retiring", true);
                at(t, SOCIAL + "/anchor").put("signature", Base64.getEncoder().encodeToString(
                        signer.sign(Json.canonicalBytes(statement))));
            }), VerificationFailure.ANCHOR_MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void whose_statement_was_changed_is_rejected(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan(), 53);
            assertFails(suite, built, edit(built, t -> at(t, SOCIAL + "/anchor/statement").put("recordCount", 64)),
                    VerificationFailure.ANCHOR_SIGNATURE_INVALID);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void other_than_the_transaction_wrote_is_rejected(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan(), 54);
            assertFails(suite, built, edit(built, t -> at(t, SOCIAL + "/anchor").put("anchoredAt",
                    "2026-03-02T08:40:00Z")), VerificationFailure.ANCHOR_NOT_ON_LEDGER);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void in_a_forged_block_is_rejected(CryptoSuite suite) {
            SyntheticAnswer built = build(suite, loan(), 55);
            assertFails(suite, built, edit(built, t -> at(t, SOCIAL + "/anchorEvidence/blockHeader")
                    .put("timestamp", "2026-03-01T00:00:00Z")), VerificationFailure.BLOCK_SIGNATURE_INVALID);
        }
    }
}
