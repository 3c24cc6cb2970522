package org.qcchain.sdk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.qcchain.sdk.audit.Trail.BANK;
import static org.qcchain.sdk.audit.Trail.INSURER;
import static org.qcchain.sdk.audit.Trail.MONDAY_10;
import static org.qcchain.sdk.audit.Trail.plus;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qcchain.common.error.ErrorCode;

/** Requests on a consent after it was revoked, paused, expired or used up, grouped per consent. */
class RevocationFlowTest {

    private static final AbnormalFlowRules DEFAULTS = Trail.only(FindingKind.USE_AFTER_REVOCATION).build();

    @Test
    void the_default_reasons_are_the_chaincode_s_ended_consent_codes() {
        assertThat(RevocationRule.DEFAULT.reasonCodes()).containsExactlyInAnyOrder(ErrorCode.CONSENT_REVOKED,
                ErrorCode.CONSENT_PAUSED, ErrorCode.CONSENT_EXPIRED, ErrorCode.CONSENT_EXHAUSTED);
    }

    @Test
    void attempts_on_an_ended_consent_are_reported_per_consumer_and_consent() {
        Trail trail = new Trail();
        String first = trail.denied(BANK, "consent-7781", MONDAY_10, "CONSENT_REVOKED");
        trail.granted(BANK, 2, plus(MONDAY_10, 10));
        String second = trail.denied(BANK, "consent-7781", plus(MONDAY_10, 60), "CONSENT_REVOKED");
        String expired = trail.denied(BANK, "consent-9000", plus(MONDAY_10, 90), "CONSENT_EXPIRED");
        trail.denied(BANK, "consent-9100", plus(MONDAY_10, 100), "FIELD_NOT_COVERED");
        String paused = trail.denied(INSURER, "consent-7781", plus(MONDAY_10, 120), "CONSENT_PAUSED");

        List<Finding> findings = trail.scan(DEFAULTS).findings();

        assertThat(findings).extracting(Finding::consumerMspId, Finding::consentId, Finding::measure).containsExactly(
                tuple(BANK, "consent-7781", 2L),
                tuple(BANK, "consent-9000", 1L),
                tuple(INSURER, "consent-7781", 1L));
        assertThat(findings.get(0).accessIds()).containsExactly(first, second);
        assertThat(findings.get(0).detail()).isEqualTo("2 request(s) on consent 'consent-7781' after it ended"
                + " (CONSENT_REVOKED 2)");
        assertThat(findings.get(1).accessIds()).containsExactly(expired);
        assertThat(findings.get(2).accessIds()).containsExactly(paused);
    }

    @Test
    void an_exhausted_consent_counts_and_other_denials_do_not() {
        Trail trail = new Trail();
        trail.denied(BANK, "consent-1", MONDAY_10, "CONSENT_EXHAUSTED");
        trail.denied(BANK, "consent-2", MONDAY_10.plusSeconds(1), "CONSENT_FREQUENCY_EXCEEDED");
        trail.denied(BANK, "consent-3", MONDAY_10.plusSeconds(2), "CONSENT_NOT_FOUND");

        assertThat(trail.scan(DEFAULTS).findings()).extracting(Finding::consentId).containsExactly("consent-1");
    }

    @Test
    void attempts_up_to_the_allowed_number_pass_and_one_more_is_reported() {
        RevocationRule twoAllowed = new RevocationRule(RevocationRule.ENDED_CONSENT, 2, Duration.ofDays(1));
        AbnormalFlowRules rules = Trail.only(FindingKind.USE_AFTER_REVOCATION).useAfterRevocation(twoAllowed).build();
        Trail underTrail = new Trail();
        Trail overTrail = new Trail();
        for (int i = 0; i < 3; i++) {
            if (i < 2) {
                underTrail.denied(BANK, "consent-1", plus(MONDAY_10, i), "CONSENT_REVOKED");
            }
            overTrail.denied(BANK, "consent-1", plus(MONDAY_10, i), "CONSENT_REVOKED");
        }

        assertThat(underTrail.scan(rules).findings()).isEmpty();
        assertThat(overTrail.scan(rules).findings()).singleElement()
                .satisfies(finding -> assertThat(finding.threshold()).isEqualTo(2));
    }

    @Test
    void attempts_a_window_apart_are_separate_findings() {
        Trail trail = new Trail();
        trail.denied(BANK, "consent-1", MONDAY_10, "CONSENT_REVOKED");
        trail.denied(BANK, "consent-1", MONDAY_10.plus(Duration.ofHours(23)), "CONSENT_REVOKED");
        trail.denied(BANK, "consent-1", MONDAY_10.plus(Duration.ofHours(47)), "CONSENT_REVOKED");

        assertThat(trail.scan(DEFAULTS).findings()).extracting(Finding::records).containsExactly(2L, 1L);
    }

    @Test
    void the_reasons_can_be_narrowed_to_revocation_alone() {
        RevocationRule revokedOnly = new RevocationRule(Set.of(ErrorCode.CONSENT_REVOKED), 0, Duration.ofDays(1));
        Trail trail = new Trail();
        trail.denied(BANK, "consent-1", MONDAY_10, "CONSENT_PAUSED");
        trail.denied(BANK, "consent-2", MONDAY_10.plusSeconds(1), "CONSENT_REVOKED");

        assertThat(trail.scan(Trail.only(FindingKind.USE_AFTER_REVOCATION).useAfterRevocation(revokedOnly).build())
                .findings()).extracting(Finding::consentId).containsExactly("consent-2");
    }

    @Test
    void a_rule_without_reasons_is_refused() {
        assertThatThrownBy(() -> new RevocationRule(Set.of(), 0, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one ErrorCode");
    }
}
