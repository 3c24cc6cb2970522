package org.qcchain.sdk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.qcchain.sdk.audit.Trail.BANK;
import static org.qcchain.sdk.audit.Trail.MONDAY_10;
import static org.qcchain.sdk.audit.Trail.plus;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A record the rules cannot read is reported with its place and why; the rest is still analysed. */
class MalformedFlowTest {

    private static final AbnormalFlowRules BURST = Trail.only(FindingKind.BURST).burst(3, Duration.ofMinutes(1))
            .build();

    /** Four good records a second apart (a burst), and one bad record after the second. */
    private static AuditReport withOneBad(UnaryOperator<ObjectNode> spoil) {
        Trail trail = new Trail();
        trail.granted(BANK, 1, MONDAY_10);
        trail.granted(BANK, 2, plus(MONDAY_10, 1));
        trail.add(spoil.apply(trail.record(BANK, 3, plus(MONDAY_10, 1.5), null, "consent-3")));
        trail.granted(BANK, 4, plus(MONDAY_10, 2));
        trail.granted(BANK, 5, plus(MONDAY_10, 3));
        return trail.scan(BURST);
    }

    private static MalformedRecord onlyProblem(AuditReport report) {
        assertThat(report.records()).isEqualTo(5);
        assertThat(report.findings()).singleElement()
                .satisfies(burst -> assertThat(burst.records()).isEqualTo(4));
        assertThat(report.malformed()).hasSize(1);
        MalformedRecord bad = report.malformed().get(0);
        assertThat(bad.position()).isEqualTo(3);
        return bad;
    }

    @Test
    void a_missing_field_is_named() {
        MalformedRecord bad = onlyProblem(withOneBad(record -> {
            record.remove("consumerMspId");
            return record;
        }));

        assertThat(bad.accessId()).isEqualTo(Trail.id(3));
        assertThat(bad.problem()).isEqualTo("consumerMspId is missing or not a string");
    }

    @Test
    void a_timestamp_that_does_not_parse_is_reported() {
        MalformedRecord bad = onlyProblem(withOneBad(record -> record.put("decidedAt", "yesterday at noon")));

        assertThat(bad.problem()).isEqualTo("decidedAt 'yesterday at noon' is not an ISO-8601 instant");
    }

    @Test
    void a_timestamp_of_another_type_is_reported() {
        MalformedRecord bad = onlyProblem(withOneBad(record -> record.put("decidedAt", 1772416800000L)));

        assertThat(bad.problem()).isEqualTo("decidedAt is missing or not a string");
    }

    @Test
    void a_record_without_a_usable_access_id_is_reported_without_one() {
        MalformedRecord bad = onlyProblem(withOneBad(record -> record.put("accessId", "tx-1")));

        assertThat(bad.accessId()).isNull();
        assertThat(bad.problem()).contains("accessId");
    }

    @Test
    void a_decision_and_its_reason_must_agree() {
        assertThat(onlyProblem(withOneBad(record -> record.put("decision", "MAYBE"))).problem())
                .startsWith("decision 'MAYBE' must match");
        assertThat(onlyProblem(withOneBad(record -> record.put("decision", "DENIED"))).problem())
                .isEqualTo("a DENIED record has no reasonCode");
        assertThat(onlyProblem(withOneBad(record -> record.put("reasonCode", "CONSENT_REVOKED"))).problem())
                .isEqualTo("a GRANTED record carries reasonCode CONSENT_REVOKED");
    }

    @Test
    void a_bad_subject_is_reported_without_repeating_it() {
        String clearIdentifier = "370102199001011234";
        MalformedRecord bad = onlyProblem(withOneBad(record -> record.put("subject", clearIdentifier)));

        assertThat(bad.problem()).startsWith("subject must match").doesNotContain(clearIdentifier);
    }

    @Test
    void a_record_that_is_not_an_object_is_reported() {
        Trail trail = new Trail();
        trail.add(JsonNodeFactory.instance.arrayNode());
        trail.add(JsonNodeFactory.instance.nullNode());
        trail.granted(BANK, 1, MONDAY_10);

        AuditReport report = trail.scan(BURST);

        assertThat(report.malformed()).extracting(MalformedRecord::position, MalformedRecord::problem)
                .containsExactly(tuple(1L, "not a JSON object"),
                        tuple(2L, "not a JSON object"));
    }

    @Test
    void a_record_out_of_decision_time_order_is_reported_and_left_out() {
        Trail trail = new Trail();
        trail.granted(BANK, 1, plus(MONDAY_10, 10));
        String early = trail.granted(BANK, 2, plus(MONDAY_10, 5));
        trail.granted(BANK, 3, plus(MONDAY_10, 11));

        AuditReport report = trail.scan(BURST);

        assertThat(report.malformed()).singleElement().satisfies(bad -> {
            assertThat(bad.position()).isEqualTo(2);
            assertThat(bad.accessId()).isEqualTo(early);
            assertThat(bad.problem()).contains("not in decision-time order");
        });
    }

    @Test
    void a_record_listed_twice_counts_once() {
        Trail trail = new Trail();
        for (int i = 0; i < 3; i++) {
            trail.granted(BANK, i, plus(MONDAY_10, i));
        }
        trail.add(trail.records().get(2));

        AuditReport report = trail.scan(BURST);

        assertThat(report.findings()).isEmpty();
        assertThat(report.malformed()).extracting(MalformedRecord::position, MalformedRecord::problem)
                .containsExactly(tuple(4L, "listed twice"));
    }

    @Test
    void a_finished_detector_takes_no_more_records() {
        AbnormalFlowDetector detector = AbnormalFlowDetector.create(BURST,
                OfficeHoursFlowTest.listener(new ArrayList<>()));
        detector.finish();

        assertThatThrownBy(() -> detector.accept(new Trail().record(BANK, 1, MONDAY_10, null, "c-1")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(List.of(detector.records(), detector.retained())).containsExactly(0L, 0L);
    }
}
