package org.qcchain.sdk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qcchain.sdk.audit.Trail.BANK;
import static org.qcchain.sdk.audit.Trail.INSURER;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Requests outside office hours, on fixed ledger times in the offices' zone: Friday 17:59 is
 * inside and 18:00 outside, weekends and holidays are closed, make-up working days open.
 */
class OfficeHoursFlowTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final AbnormalFlowRules DEFAULT_HOURS = Trail.only(FindingKind.OUTSIDE_OFFICE_HOURS).build();

    /** @return a local time in Shanghai in the week of Monday 2 March 2026 (day 2 = Monday) */
    private static Instant shanghai(int dayOfMarch, int hour, int minute) {
        return LocalDateTime.of(2026, 3, dayOfMarch, hour, minute).atZone(SHANGHAI).toInstant();
    }

    @Test
    void friday_17_59_is_inside_and_18_00_outside() {
        Trail trail = new Trail();
        trail.granted(BANK, 1, shanghai(6, 17, 59));
        String late = trail.granted(BANK, 2, shanghai(6, 18, 0));

        List<Finding> findings = trail.scan(DEFAULT_HOURS).findings();

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.OUTSIDE_OFFICE_HOURS);
            assertThat(finding.accessIds()).containsExactly(late);
            assertThat(finding.measure()).isEqualTo(1);
            assertThat(finding.threshold()).isZero();
            assertThat(finding.detail()).isEqualTo("1 request(s) outside office hours"
                    + " (Mon,Tue,Wed,Thu,Fri 08:30-18:00 Asia/Shanghai)");
        });
    }

    @Test
    void monday_08_29_is_outside_and_08_30_inside() {
        OfficeHours hours = OfficeHours.DEFAULT;

        assertThat(hours.contains(shanghai(2, 8, 29))).isFalse();
        assertThat(hours.contains(shanghai(2, 8, 30))).isTrue();
        assertThat(hours.contains(shanghai(2, 8, 30).minusNanos(1))).isFalse();
    }

    @Test
    void a_weekend_and_its_nights_are_one_closed_period_per_consumer() {
        Trail trail = new Trail();
        List<String> bank = new ArrayList<>();
        bank.add(trail.granted(BANK, 1, shanghai(6, 18, 30)));
        bank.add(trail.granted(BANK, 2, shanghai(7, 10, 0)));
        trail.granted(INSURER, 3, shanghai(7, 11, 0));
        bank.add(trail.granted(BANK, 4, shanghai(8, 23, 0)));
        bank.add(trail.granted(BANK, 5, shanghai(9, 8, 0)));
        trail.granted(BANK, 6, shanghai(9, 9, 0));
        String monday = trail.granted(BANK, 7, shanghai(9, 19, 0));

        List<Finding> findings = trail.scan(DEFAULT_HOURS).findings();

        assertThat(findings).extracting(Finding::consumerMspId).containsExactly(BANK, INSURER, BANK);
        assertThat(findings.get(0).accessIds()).containsExactlyElementsOf(bank);
        assertThat(findings.get(0).from()).isEqualTo(shanghai(6, 18, 30));
        assertThat(findings.get(0).to()).isEqualTo(shanghai(9, 8, 0));
        assertThat(findings.get(2).accessIds()).containsExactly(monday);
    }

    @Test
    void a_finding_is_reported_when_the_offices_open_not_at_the_end_of_the_trail() {
        List<Finding> seen = new ArrayList<>();
        AbnormalFlowDetector detector = AbnormalFlowDetector.create(DEFAULT_HOURS, listener(seen));
        Trail trail = new Trail();
        trail.granted(BANK, 1, shanghai(7, 10, 0));
        trail.granted(BANK, 2, shanghai(9, 9, 0));
        trail.records().forEach(detector::accept);

        assertThat(seen).hasSize(1);
        detector.finish();
        assertThat(seen).hasSize(1);
    }

    @Test
    void a_holiday_is_closed_and_a_make_up_working_day_open() {
        OfficeHours hours = OfficeHours.builder().holidays(Set.of(LocalDate.of(2026, 3, 4)))
                .extraWorkingDays(Set.of(LocalDate.of(2026, 3, 8))).build();
        Trail trail = new Trail();
        String holiday = trail.granted(BANK, 1, shanghai(4, 10, 0));
        trail.granted(BANK, 2, shanghai(8, 10, 0));

        List<Finding> findings = trail.scan(Trail.only(FindingKind.OUTSIDE_OFFICE_HOURS).officeHours(hours).build())
                .findings();

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.accessIds()).containsExactly(holiday);
            assertThat(finding.detail()).contains("1 holiday(s), 1 extra working day(s)");
        });
    }

    @Test
    void the_zone_decides_what_local_time_a_ledger_time_is() {
        Instant tenUtc = Instant.parse("2026-03-06T10:00:00Z");
        OfficeHours berlin = OfficeHours.builder().zone(ZoneId.of("Europe/Berlin")).build();

        assertThat(OfficeHours.DEFAULT.contains(tenUtc)).isFalse();
        assertThat(berlin.contains(tenUtc)).isTrue();
    }

    @Test
    void a_few_requests_outside_hours_may_be_allowed_per_period() {
        Trail trail = new Trail();
        trail.granted(BANK, 1, shanghai(7, 10, 0));
        trail.granted(BANK, 2, shanghai(7, 11, 0));
        trail.granted(INSURER, 3, shanghai(7, 12, 0));
        OfficeHoursRule oneAllowed = new OfficeHoursRule(OfficeHours.DEFAULT, 1);

        List<Finding> findings = trail.scan(Trail.only(FindingKind.OUTSIDE_OFFICE_HOURS).officeHours(oneAllowed)
                .build()).findings();

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.consumerMspId()).isEqualTo(BANK);
            assertThat(finding.measure()).isEqualTo(2);
            assertThat(finding.threshold()).isEqualTo(1);
        });
    }

    @Test
    void midnight_to_midnight_every_day_is_always_open() {
        OfficeHours always = OfficeHours.builder().workingDays(EnumSet.allOf(DayOfWeek.class))
                .hours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT).build();

        assertThat(always.contains(shanghai(7, 0, 0))).isTrue();
        assertThat(always.contains(shanghai(8, 23, 59))).isTrue();
    }

    @Test
    void reversed_hours_and_no_working_day_are_refused() {
        assertThatThrownBy(() -> OfficeHours.builder().hours(LocalTime.of(18, 0), LocalTime.of(8, 30)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("opens 18:00 must be before");
        assertThatThrownBy(() -> OfficeHours.builder().workingDays(Set.of()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one day");
    }

    static AuditListener listener(List<Finding> findings) {
        return new AuditListener() {
            @Override
            public void finding(Finding finding) {
                findings.add(finding);
            }

            @Override
            public void malformed(MalformedRecord record) {
                throw new AssertionError("malformed: " + record);
            }
        };
    }
}
