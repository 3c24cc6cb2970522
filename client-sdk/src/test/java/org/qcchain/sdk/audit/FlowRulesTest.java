package org.qcchain.sdk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The rules' defaults are documented values, and bad settings are refused naming the setting. */
class FlowRulesTest {

    @Test
    void the_defaults_turn_every_rule_on_with_its_documented_values() {
        AbnormalFlowRules rules = AbnormalFlowRules.defaults();

        assertThat(rules.burst()).contains(new BurstRule(100, Duration.ofMinutes(1)));
        assertThat(rules.denials()).contains(new DenialRule(10, 0.5, Duration.ofHours(1)));
        assertThat(rules.sweep()).contains(new SweepRule(50, Duration.ofHours(1)));
        assertThat(rules.useAfterRevocation()).contains(RevocationRule.DEFAULT);
        assertThat(rules.officeHours()).hasValueSatisfying(office -> {
            assertThat(office.allowedRequests()).isZero();
            assertThat(office.hours().zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
            assertThat(office.hours().opens()).isEqualTo(LocalTime.of(8, 30));
            assertThat(office.hours().closes()).isEqualTo(LocalTime.of(18, 0));
        });
        assertThat(rules.evidenceCap()).isEqualTo(20);
        assertThat(rules.describe()).containsExactly(
                "BURST: more than 100 requests within 1 min",
                "OUTSIDE_OFFICE_HOURS: more than 0 requests per closed period outside"
                        + " Mon,Tue,Wed,Thu,Fri 08:30-18:00 Asia/Shanghai",
                "MANY_DENIALS: at least 10 denials, more than 50.0% of the requests, within 1 h",
                "USE_AFTER_REVOCATION: more than 0 requests on one consent denied"
                        + " CONSENT_EXHAUSTED/CONSENT_EXPIRED/CONSENT_PAUSED/CONSENT_REVOKED,"
                        + " attempts less than 1 d apart grouped",
                "SWEEP: more than 50 distinct subjects within 1 h");
    }

    @Test
    void a_rule_can_be_turned_off_and_on_again() {
        AbnormalFlowRules rules = AbnormalFlowRules.builder().disable(FindingKind.OUTSIDE_OFFICE_HOURS,
                FindingKind.SWEEP).sweep(10, Duration.ofMinutes(5)).build();

        assertThat(rules.officeHours()).isEmpty();
        assertThat(rules.sweep()).contains(new SweepRule(10, Duration.ofMinutes(5)));
    }

    @Test
    void bad_settings_are_refused_naming_the_setting() {
        assertThatThrownBy(() -> new BurstRule(0, Duration.ofMinutes(1))).hasMessageContaining("burst.maxRequests");
        assertThatThrownBy(() -> new BurstRule(5, Duration.ZERO)).hasMessageContaining("burst.window");
        assertThatThrownBy(() -> new SweepRule(5, Duration.ofDays(32))).hasMessageContaining("sweep.window");
        assertThatThrownBy(() -> new DenialRule(3, 1.0, Duration.ofHours(1))).hasMessageContaining("denials.maxRatio");
        assertThatThrownBy(() -> new DenialRule(0, 0.5, Duration.ofHours(1)))
                .hasMessageContaining("denials.minDenials");
        assertThatThrownBy(() -> new OfficeHoursRule(OfficeHours.DEFAULT, -1))
                .hasMessageContaining("officeHours.allowedRequests");
        assertThatThrownBy(() -> AbnormalFlowRules.builder().evidenceCap(-1)).hasMessageContaining("evidenceCap");
        assertThatThrownBy(() -> AbnormalFlowRules.builder().burst(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("burst");
    }
}
