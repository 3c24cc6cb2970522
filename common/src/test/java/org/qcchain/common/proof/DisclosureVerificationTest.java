package org.qcchain.common.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Base64;
import java.util.Set;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.common.crypto.CryptoSuite;

class DisclosureVerificationTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static Disclosure disclosure(CryptoSuite suite) {
        return Fixtures.committedVehicle(suite).disclose(Set.of("plate", "seats", "mortgagee"));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(CryptoSuite suite, Disclosure d,
            ProofFailure reason) {
        ProofException e = catchThrowableOfType(ProofException.class,
                () -> DisclosureVerifier.forSuite(suite).verify(d));
        assertThat(e).as("expected %s", reason).isNotNull();
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
        return assertThat(e).hasMessageStartingWith(reason.name() + ": ");
    }

    @Nested
    class Accepts {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void a_disclosure_as_made(CryptoSuite suite) {
            assertThatCode(() -> DisclosureVerifier.forSuite(suite).verify(disclosure(suite))).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void a_disclosure_of_no_field_and_one_of_every_field(CryptoSuite suite) {
            CommittedRecord committed = Fixtures.committedVehicle(suite);

            assertThatCode(() -> DisclosureVerifier.forSuite(suite).verify(committed.disclose(Set.of())))
                    .doesNotThrowAnyException();
            assertThatCode(() -> DisclosureVerifier.forSuite(suite).verify(
                    committed.disclose(committed.commitments().keySet()))).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void an_integer_of_another_width_for_the_same_value(CryptoSuite suite) {
            Disclosure d = Tamper.value(disclosure(suite), "seats", NODES.numberNode(5));

            assertThatCode(() -> DisclosureVerifier.forSuite(suite).verify(d)).doesNotThrowAnyException();
        }
    }

    @Nested
    class RejectsOpenings {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void a_changed_value(CryptoSuite suite) {
            assertRejected(suite, Tamper.value(disclosure(suite), "plate", NODES.textNode("鲁A12346")),
                    ProofFailure.FIELD_COMMITMENT_MISMATCH)
                    .hasMessageContaining("'plate'").hasMessageNotContaining("鲁A");
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void a_value_of_another_type_that_prints_alike(CryptoSuite suite) {
            assertRejected(suite, Tamper.value(disclosure(suite), "seats", NODES.textNode("5")),
                    ProofFailure.FIELD_COMMITMENT_MISMATCH);
            assertRejected(suite, Tamper.value(disclosure(suite), "mortgagee", NODES.textNode("null")),
                    ProofFailure.FIELD_COMMITMENT_MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void a_wrong_salt(CryptoSuite suite) {
            String wrong = Base64.getEncoder().encodeToString(Fixtures.key(9));

            assertRejected(suite, Tamper.salt(disclosure(suite), "seats", wrong), ProofFailure.FIELD_COMMITMENT_MISMATCH)
                    .hasMessageContaining("'seats'");
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void two_fields_with_their_values_swapped(CryptoSuite suite) {
            Disclosure d = disclosure(suite);
            Disclosure.Opening plate = d.openings().get("plate");
            Disclosure.Opening seats = d.openings().get("seats");
            Disclosure swapped = Tamper.openings(d, o -> {
                o.put("plate", new Disclosure.Opening(plate.salt(), seats.value()));
                o.put("seats", new Disclosure.Opening(seats.salt(), plate.value()));
            });

            assertRejected(suite, swapped, ProofFailure.FIELD_COMMITMENT_MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void two_fields_with_whole_openings_swapped_because_the_name_is_committed(CryptoSuite suite) {
            Disclosure d = disclosure(suite);
            Disclosure swapped = Tamper.openings(d, o -> {
                o.put("plate", d.openings().get("seats"));
                o.put("seats", d.openings().get("plate"));
            });

            assertRejected(suite, swapped, ProofFailure.FIELD_COMMITMENT_MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void a_disclosed_field_renamed_to_an_uncommitted_name(CryptoSuite suite) {
            Disclosure renamed = Tamper.openings(disclosure(suite), o -> o.put("owner", o.remove("plate")));

            assertRejected(suite, renamed, ProofFailure.FIELD_NOT_COMMITTED).hasMessageContaining("'owner'");
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void a_disclosed_field_renamed_to_another_committed_field(CryptoSuite suite) {
            Disclosure renamed = Tamper.openings(disclosure(suite), o -> o.put("colour", o.remove("plate")));

            assertRejected(suite, renamed, ProofFailure.FIELD_COMMITMENT_MISMATCH).hasMessageContaining("'colour'");
        }
    }

    @Nested
    class RejectsRecordRoots {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void a_changed_commitment_of_an_undisclosed_field(CryptoSuite suite) {
            Disclosure d = Tamper.commitments(disclosure(suite), c -> c.put("colour", Tamper.flip(c.get("colour"))));

            assertRejected(suite, d, ProofFailure.RECORD_ROOT_MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void a_dropped_or_added_commitment(CryptoSuite suite) {
            Disclosure d = disclosure(suite);

            assertRejected(suite, Tamper.commitments(d, c -> c.remove("colour")), ProofFailure.RECORD_ROOT_MISMATCH);
            assertRejected(suite, Tamper.commitments(d, c -> c.put("owner", d.recordRoot())),
                    ProofFailure.RECORD_ROOT_MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void a_changed_header(CryptoSuite suite) {
            Disclosure d = disclosure(suite);
            String otherSubject = Tamper.flip(d.subject());

            assertRejected(suite, Tamper.version(d, 4), ProofFailure.RECORD_ROOT_MISMATCH);
            assertRejected(suite, Tamper.header(d, d.format(), d.suite(), "vehicle.violation", d.recordId(),
                    d.version(), d.subject(), d.recordRoot()), ProofFailure.RECORD_ROOT_MISMATCH);
            assertRejected(suite, Tamper.header(d, d.format(), d.suite(), d.datasetId(), "rec-0002",
                    d.version(), d.subject(), d.recordRoot()), ProofFailure.RECORD_ROOT_MISMATCH);
            assertRejected(suite, Tamper.header(d, d.format(), d.suite(), d.datasetId(), d.recordId(),
                    d.version(), otherSubject, d.recordRoot()), ProofFailure.RECORD_ROOT_MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void a_changed_claimed_root(CryptoSuite suite) {
            Disclosure d = disclosure(suite);

            assertRejected(suite, Tamper.recordRoot(d, Tamper.flip(d.recordRoot())), ProofFailure.RECORD_ROOT_MISMATCH);
        }
    }

    @Nested
    class RejectsMalformed {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void another_suite(CryptoSuite suite) {
            assertRejected(suite, Tamper.suite(disclosure(suite), Tamper.other(suite)), ProofFailure.SUITE_MISMATCH);
            assertRejected(Tamper.other(suite), disclosure(suite), ProofFailure.SUITE_MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void another_format_version(CryptoSuite suite) {
            assertRejected(suite, Tamper.format(disclosure(suite), "qcchain-proof/2"), ProofFailure.FORMAT_UNSUPPORTED);
            assertRejected(suite, Tamper.format(disclosure(suite), null), ProofFailure.MALFORMED);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void salts_that_are_not_canonical_base64_of_32_bytes(CryptoSuite suite) {
            Disclosure d = disclosure(suite);
            String salt = d.openings().get("plate").salt();

            assertRejected(suite, Tamper.salt(d, "plate", salt.substring(0, 43)), ProofFailure.MALFORMED)
                    .hasMessageContaining("salt of field 'plate'");
            assertRejected(suite, Tamper.salt(d, "plate", Base64.getEncoder().encodeToString(new byte[31])),
                    ProofFailure.MALFORMED);
            assertRejected(suite, Tamper.salt(d, "plate", salt.replace('=', '.')), ProofFailure.MALFORMED);
            assertRejected(suite, Tamper.salt(d, "plate", null), ProofFailure.MALFORMED);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void values_that_are_not_json_scalars(CryptoSuite suite) {
            Disclosure d = disclosure(suite);
            JsonNode[] bad = {NODES.numberNode(5.0), NODES.arrayNode(), NODES.objectNode(), null,
                    NODES.numberNode(1L << 53)};
            for (JsonNode value : bad) {
                assertRejected(suite, Tamper.value(d, "seats", value), ProofFailure.MALFORMED)
                        .hasMessageContaining("field 'seats'");
            }
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void hashes_that_are_not_lowercase_hex(CryptoSuite suite) {
            Disclosure d = disclosure(suite);

            assertRejected(suite, Tamper.recordRoot(d, d.recordRoot().toUpperCase(java.util.Locale.ROOT)),
                    ProofFailure.MALFORMED);
            assertRejected(suite, Tamper.commitments(d, c -> c.put("colour", c.get("colour") + "00")),
                    ProofFailure.MALFORMED).hasMessageContaining("'colour'");
            assertRejected(suite, Tamper.commitments(d, c -> c.put("colour", null)), ProofFailure.MALFORMED);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void headers_outside_their_syntax(CryptoSuite suite) {
            Disclosure d = disclosure(suite);

            assertRejected(suite, Tamper.version(d, 0), ProofFailure.MALFORMED);
            assertRejected(suite, Tamper.header(d, d.format(), d.suite(), "Vehicle", d.recordId(), d.version(),
                    d.subject(), d.recordRoot()), ProofFailure.MALFORMED).hasMessageContaining("datasetId");
            assertRejected(suite, Tamper.header(d, d.format(), d.suite(), d.datasetId(), null, d.version(),
                    d.subject(), d.recordRoot()), ProofFailure.MALFORMED).hasMessageContaining("recordId");
            assertRejected(suite, Tamper.header(d, d.format(), d.suite(), d.datasetId(), d.recordId(), d.version(),
                    "11010519491231002X", d.recordRoot()), ProofFailure.MALFORMED)
                    .hasMessageContaining("subject").hasMessageNotContaining("11010519491231002X");
            assertRejected(suite, Tamper.header(d, d.format(), null, d.datasetId(), d.recordId(), d.version(),
                    d.subject(), d.recordRoot()), ProofFailure.MALFORMED);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void a_record_without_commitments_or_with_an_empty_opening(CryptoSuite suite) {
            Disclosure d = disclosure(suite);

            assertRejected(suite, Tamper.commitments(d, java.util.Map::clear), ProofFailure.MALFORMED);
            assertRejected(suite, Tamper.openings(d, o -> o.put("plate", null)), ProofFailure.MALFORMED);
            assertRejected(suite, Tamper.commitments(d, c -> c.put("bad-name", c.get("plate"))), ProofFailure.MALFORMED);
        }
    }
}
