package org.qcchain.sdk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.qcchain.sdk.audit.Trail.BANK;
import static org.qcchain.sdk.audit.Trail.INSURER;
import static org.qcchain.sdk.audit.Trail.MONDAY_10;
import static org.qcchain.sdk.audit.Trail.plus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Findings come in a deterministic order, with capped evidence, as soon as they are complete. */
class FlowReportTest {

    private static final AbnormalFlowRules RULES = AbnormalFlowRules.builder()
            .burst(3, Duration.ofMinutes(1)).denials(3, 0.5, Duration.ofHours(1)).sweep(5, Duration.ofHours(1))
            .disable(FindingKind.OUTSIDE_OFFICE_HOURS).build();

    /** The bank bursts and is denied; the insurer sweeps; a later burst by the insurer. */
    private static Trail mixed() {
        Trail trail = new Trail();
        for (int i = 0; i < 4; i++) {
            trail.denied(BANK, i, plus(MONDAY_10, i), "FIELD_NOT_COVERED");
        }
        for (int i = 0; i < 6; i++) {
            trail.granted(INSURER, 100 + i, plus(MONDAY_10, 120 + 30 * i));
        }
        trail.denied(INSURER, "consent-9", plus(MONDAY_10, 900), "CONSENT_REVOKED");
        for (int i = 0; i < 4; i++) {
            trail.granted(INSURER, 100, plus(MONDAY_10, 7200 + i));
        }
        return trail;
    }

    @Test
    void findings_are_ordered_by_start_then_kind_consumer_and_consent() {
        List<Finding> findings = mixed().scan(RULES).findings();

        assertThat(findings).extracting(Finding::kind, Finding::consumerMspId).containsExactly(
                tuple(FindingKind.BURST, BANK),
                tuple(FindingKind.MANY_DENIALS, BANK),
                tuple(FindingKind.SWEEP, INSURER),
                tuple(FindingKind.USE_AFTER_REVOCATION, INSURER),
                tuple(FindingKind.BURST, INSURER));
        assertThat(findings).isSortedAccordingTo(Finding.ORDER);
    }

    @Test
    void the_same_trail_gives_the_same_findings_every_time() {
        Trail trail = mixed();

        assertThat(trail.scan(RULES)).isEqualTo(trail.scan(RULES));
    }

    @Test
    void the_listener_hears_a_finding_once_the_trail_has_moved_a_window_past_it() {
        List<Finding> heard = new ArrayList<>();
        AbnormalFlowDetector detector = AbnormalFlowDetector.create(RULES, OfficeHoursFlowTest.listener(heard));
        List<JsonNode> records = mixed().records();

        records.subList(0, 4).forEach(detector::accept);
        List<FindingKind> whileTheBankAsks = kinds(heard);
        detector.accept(records.get(4));
        List<FindingKind> aMinuteLater = kinds(heard);
        records.subList(5, records.size()).forEach(detector::accept);
        List<FindingKind> twoHoursLater = kinds(heard);
        detector.finish();

        assertThat(whileTheBankAsks).isEmpty();
        assertThat(aMinuteLater).containsExactly(FindingKind.BURST);
        assertThat(twoHoursLater).containsExactly(FindingKind.BURST, FindingKind.MANY_DENIALS, FindingKind.SWEEP);
        assertThat(kinds(heard)).containsExactly(FindingKind.BURST, FindingKind.MANY_DENIALS, FindingKind.SWEEP,
                FindingKind.USE_AFTER_REVOCATION, FindingKind.BURST);
    }

    @Test
    void evidence_is_capped_and_the_count_stays_complete() {
        Trail trail = new Trail();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(trail.granted(BANK, 1, plus(MONDAY_10, i)));
        }

        Finding burst = trail.scan(Trail.only(FindingKind.BURST).burst(3, Duration.ofMinutes(1)).evidenceCap(5)
                .build()).findings().get(0);

        assertThat(burst.records()).isEqualTo(30);
        assertThat(burst.accessIds()).containsExactlyElementsOf(ids.subList(0, 5));
        assertThat(burst.truncated()).isTrue();
    }

    @Test
    void records_of_one_millisecond_are_taken_in_exact_time_order_whatever_their_listing() {
        Trail trail = new Trail();
        Instant millisecond = plus(MONDAY_10, 5);
        List<ObjectNode> sameMillisecond = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Instant at = millisecond.plusNanos(900_000 - 100_000L * i);
            sameMillisecond.add(trail.record(BANK, i, at, null, "consent-1"));
        }
        sameMillisecond.forEach(trail::add);

        Finding burst = trail.scan(Trail.only(FindingKind.BURST).burst(3, Duration.ofMinutes(1)).build())
                .findings().get(0);

        assertThat(burst.accessIds()).containsExactly(Trail.id(4), Trail.id(3), Trail.id(2), Trail.id(1));
        assertThat(burst.from()).isEqualTo(millisecond.plusNanos(600_000));
    }

    private static List<FindingKind> kinds(List<Finding> findings) {
        return findings.stream().map(Finding::kind).toList();
    }
}
