package org.qcchain.sdk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qcchain.sdk.audit.Trail.BANK;
import static org.qcchain.sdk.audit.Trail.INSURER;
import static org.qcchain.sdk.audit.Trail.MONDAY_10;
import static org.qcchain.sdk.audit.Trail.plus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** More than N requests by one consumer within a sliding window is a burst. */
class BurstFlowTest {

    private static final AbnormalFlowRules THREE_A_MINUTE = Trail.only(FindingKind.BURST)
            .burst(3, Duration.ofMinutes(1)).build();

    @Test
    void as_many_requests_as_allowed_within_the_window_are_no_burst() {
        Trail trail = new Trail();
        for (int i = 0; i < 3; i++) {
            trail.granted(BANK, i, plus(MONDAY_10, i * 0.5));
        }

        assertThat(trail.scan(THREE_A_MINUTE).findings()).isEmpty();
    }

    @Test
    void one_request_more_within_the_window_is_a_burst_with_every_request_as_evidence() {
        Trail trail = new Trail();
        List<String> ids = new ArrayList<>();
        for (double second : new double[] {0, 20, 40, 59.999}) {
            ids.add(trail.granted(BANK, 1, plus(MONDAY_10, second)));
        }

        List<Finding> findings = trail.scan(THREE_A_MINUTE).findings();

        assertThat(findings).singleElement().satisfies(burst -> {
            assertThat(burst.kind()).isEqualTo(FindingKind.BURST);
            assertThat(burst.consumerMspId()).isEqualTo(BANK);
            assertThat(burst.from()).isEqualTo(MONDAY_10);
            assertThat(burst.to()).isEqualTo(plus(MONDAY_10, 59.999));
            assertThat(burst.measure()).isEqualTo(4);
            assertThat(burst.threshold()).isEqualTo(3);
            assertThat(burst.records()).isEqualTo(4);
            assertThat(burst.accessIds()).containsExactlyElementsOf(ids);
            assertThat(burst.detail()).isEqualTo("up to 4 requests within 1 min; more than 3 is a burst");
        });
    }

    @Test
    void a_request_exactly_one_window_later_has_left_the_window() {
        Trail trail = new Trail();
        for (double second : new double[] {0, 20, 40, 60}) {
            trail.granted(BANK, 1, plus(MONDAY_10, second));
        }

        assertThat(trail.scan(THREE_A_MINUTE).findings()).isEmpty();
    }

    @Test
    void denied_requests_count_as_requests_too() {
        Trail trail = new Trail();
        for (int i = 0; i < 4; i++) {
            trail.denied(BANK, i, plus(MONDAY_10, i), "CONSENT_NOT_FOUND");
        }

        assertThat(trail.scan(THREE_A_MINUTE).findings()).extracting(Finding::measure).containsExactly(4L);
    }

    @Test
    void a_burst_lasts_while_its_window_stays_over_and_a_later_one_is_another_finding() {
        Trail trail = new Trail();
        for (int i = 0; i < 6; i++) {
            trail.granted(BANK, i, plus(MONDAY_10, i * 2));
        }
        trail.granted(BANK, 9, plus(MONDAY_10, 600));
        for (int i = 0; i < 4; i++) {
            trail.granted(BANK, i, plus(MONDAY_10, 3600 + i));
        }

        List<Finding> findings = trail.scan(THREE_A_MINUTE).findings();

        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).records()).isEqualTo(6);
        assertThat(findings.get(0).measure()).isEqualTo(6);
        assertThat(findings.get(0).to()).isEqualTo(plus(MONDAY_10, 10));
        assertThat(findings.get(1).from()).isEqualTo(plus(MONDAY_10, 3600));
        assertThat(findings.get(1).records()).isEqualTo(4);
    }

    @Test
    void each_consumer_has_its_own_window() {
        Trail trail = new Trail();
        for (int i = 0; i < 3; i++) {
            trail.granted(BANK, i, plus(MONDAY_10, i));
            trail.granted(INSURER, i, plus(MONDAY_10, i + 0.5));
        }

        assertThat(trail.scan(THREE_A_MINUTE).findings()).isEmpty();
    }
}
