package org.qcchain.sdk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qcchain.sdk.audit.Trail.BANK;
import static org.qcchain.sdk.audit.Trail.MONDAY_10;
import static org.qcchain.sdk.audit.Trail.plus;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One consumer asking about more than N distinct subjects within a window is a sweep. */
class SweepFlowTest {

    private static final AbnormalFlowRules THREE_AN_HOUR = Trail.only(FindingKind.SWEEP)
            .sweep(3, Duration.ofHours(1)).build();

    @Test
    void asking_again_about_the_same_subjects_is_no_sweep() {
        Trail trail = new Trail();
        for (int i = 0; i < 12; i++) {
            trail.granted(BANK, i % 3, plus(MONDAY_10, 60 * i));
        }

        assertThat(trail.scan(THREE_AN_HOUR).findings()).isEmpty();
    }

    @Test
    void one_subject_more_within_the_window_is_a_sweep() {
        Trail trail = new Trail();
        String first = trail.granted(BANK, 1, MONDAY_10);
        trail.granted(BANK, 2, plus(MONDAY_10, 600));
        trail.granted(BANK, 3, plus(MONDAY_10, 1200));
        String last = trail.denied(BANK, 4, plus(MONDAY_10, 3599.999), "CONSENT_NOT_FOUND");

        List<Finding> findings = trail.scan(THREE_AN_HOUR).findings();

        assertThat(findings).singleElement().satisfies(sweep -> {
            assertThat(sweep.kind()).isEqualTo(FindingKind.SWEEP);
            assertThat(sweep.measure()).isEqualTo(4);
            assertThat(sweep.threshold()).isEqualTo(3);
            assertThat(sweep.accessIds()).hasSize(4).startsWith(first).endsWith(last);
            assertThat(sweep.detail()).isEqualTo("up to 4 distinct subjects within 1 h; more than 3 is a sweep");
        });
    }

    @Test
    void a_subject_asked_about_exactly_one_window_earlier_has_left_the_window() {
        Trail trail = new Trail();
        trail.granted(BANK, 1, MONDAY_10);
        trail.granted(BANK, 2, plus(MONDAY_10, 600));
        trail.granted(BANK, 3, plus(MONDAY_10, 1200));
        trail.granted(BANK, 4, plus(MONDAY_10, 3600));

        assertThat(trail.scan(THREE_AN_HOUR).findings()).isEmpty();
    }

    @Test
    void a_subject_asked_about_again_stays_in_the_window_from_its_latest_access() {
        Trail trail = new Trail();
        trail.granted(BANK, 1, MONDAY_10);
        trail.granted(BANK, 2, plus(MONDAY_10, 600));
        trail.granted(BANK, 3, plus(MONDAY_10, 600));
        String again = trail.granted(BANK, 1, plus(MONDAY_10, 3000));
        trail.granted(BANK, 4, plus(MONDAY_10, 3900));

        List<Finding> findings = trail.scan(THREE_AN_HOUR).findings();

        assertThat(findings).singleElement().satisfies(sweep -> {
            assertThat(sweep.measure()).isEqualTo(4);
            assertThat(sweep.accessIds()).contains(again).doesNotContain(Trail.id(1));
            assertThat(sweep.from()).isEqualTo(plus(MONDAY_10, 600));
        });
    }
}
