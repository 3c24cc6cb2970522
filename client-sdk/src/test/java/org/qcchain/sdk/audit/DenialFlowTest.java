package org.qcchain.sdk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qcchain.sdk.audit.Trail.BANK;
import static org.qcchain.sdk.audit.Trail.MONDAY_10;
import static org.qcchain.sdk.audit.Trail.plus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** At least N denials that are more than a share R of one consumer's requests within a window. */
class DenialFlowTest {

    /** At least 3 denials, more than half of the requests, within an hour. */
    private static final AbnormalFlowRules RULES = Trail.only(FindingKind.MANY_DENIALS)
            .denials(3, 0.5, Duration.ofHours(1)).build();

    @Test
    void enough_denials_at_exactly_the_allowed_share_are_not_abnormal() {
        Trail trail = new Trail();
        grantsThenDenials(trail, 3, 3);

        assertThat(trail.scan(RULES).findings()).isEmpty();
    }

    @Test
    void enough_denials_above_the_share_are_a_finding_made_of_the_denials() {
        Trail trail = new Trail();
        List<String> denials = grantsThenDenials(trail, 2, 3);

        List<Finding> findings = trail.scan(RULES).findings();

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.MANY_DENIALS);
            assertThat(finding.measure()).isEqualTo(3);
            assertThat(finding.threshold()).isEqualTo(3);
            assertThat(finding.accessIds()).containsExactlyElementsOf(denials);
            assertThat(finding.from()).isEqualTo(plus(MONDAY_10, 120));
            assertThat(finding.detail()).isEqualTo("up to 3 of 5 requests denied (60.0%) within 1 h;"
                    + " at least 3 denials above 50.0% is abnormal");
        });
    }

    @Test
    void too_few_denials_are_not_abnormal_even_if_every_request_was_denied() {
        Trail trail = new Trail();
        grantsThenDenials(trail, 0, 2);

        assertThat(trail.scan(RULES).findings()).isEmpty();
    }

    @Test
    void a_denial_one_window_before_the_last_no_longer_counts() {
        Trail trail = new Trail();
        trail.denied(BANK, 1, MONDAY_10, "FIELD_NOT_COVERED");
        trail.denied(BANK, 2, plus(MONDAY_10, 1800), "FIELD_NOT_COVERED");
        trail.denied(BANK, 3, plus(MONDAY_10, 3600), "FIELD_NOT_COVERED");

        assertThat(trail.scan(RULES).findings()).isEmpty();
    }

    @Test
    void a_denial_just_inside_the_window_still_counts() {
        Trail trail = new Trail();
        trail.denied(BANK, 1, MONDAY_10, "FIELD_NOT_COVERED");
        trail.denied(BANK, 2, plus(MONDAY_10, 1800), "FIELD_NOT_COVERED");
        trail.denied(BANK, 3, plus(MONDAY_10, 3599.999), "FIELD_NOT_COVERED");

        assertThat(trail.scan(RULES).findings()).extracting(Finding::measure).containsExactly(3L);
    }

    @Test
    void grants_that_bring_the_share_down_end_the_finding_and_later_denials_start_another() {
        Trail trail = new Trail();
        grantsThenDenials(trail, 0, 4);
        for (int i = 0; i < 6; i++) {
            trail.granted(BANK, 20 + i, plus(MONDAY_10, 600 + i));
        }
        trail.denied(BANK, 30, plus(MONDAY_10, 700), "FIELD_NOT_COVERED");
        for (int i = 0; i < 3; i++) {
            trail.denied(BANK, 40 + i, plus(MONDAY_10, 3 * 3600 + i), "CONSENT_MISMATCH");
        }

        List<Finding> findings = trail.scan(RULES).findings();

        assertThat(findings).extracting(Finding::records).containsExactly(4L, 3L);
        assertThat(findings.get(0).detail()).startsWith("up to 4 of 4 requests denied (100.0%)");
    }

    /** Grants a minute apart, then denials a minute apart; returns the denials' access ids. */
    private static List<String> grantsThenDenials(Trail trail, int grants, int denials) {
        for (int i = 0; i < grants; i++) {
            trail.granted(BANK, i, plus(MONDAY_10, 60 * i));
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < denials; i++) {
            ids.add(trail.denied(BANK, 10 + i, plus(MONDAY_10, 60 * (grants + i)), "FIELD_NOT_COVERED"));
        }
        return ids;
    }
}
