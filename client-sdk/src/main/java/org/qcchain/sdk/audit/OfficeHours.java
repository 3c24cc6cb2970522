package org.qcchain.sdk.audit;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * When a consumer's staff work, in the zone of its offices: working days of the week from {@code
 * opens} (inclusive) to {@code closes} (exclusive), except holidays, plus extra working days (the
 * weekend days worked to make up a holiday, 调休). A request whose ledger time falls outside is
 * outside office hours. {@code closes} of 00:00 means midnight at the end of the day, so 00:00 to
 * 00:00 on all seven days is "always open".
 *
 * <pre>{@code
 * OfficeHours hours = OfficeHours.builder()
 *         .zone(ZoneId.of("Asia/Shanghai")).hours(LocalTime.of(8, 30), LocalTime.of(18, 0))
 *         .holidays(Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2)))
 *         .extraWorkingDays(Set.of(LocalDate.of(2026, 9, 27)))
 *         .build();
 * }</pre>
 *
 * @param zone the offices' time zone
 * @param workingDays the days of the week that are working days; not empty
 * @param opens when a working day starts
 * @param closes when it ends; after {@code opens}, or 00:00 for midnight
 * @param holidays dates that are not working days although their day of the week is
 * @param extraWorkingDays dates that are working days although their day of the week is not
 */
public record OfficeHours(ZoneId zone, Set<DayOfWeek> workingDays, LocalTime opens, LocalTime closes,
        Set<LocalDate> holidays, Set<LocalDate> extraWorkingDays) {

    /** Monday to Friday, 08:30 to 18:00, China Standard Time, no holidays. */
    public static final OfficeHours DEFAULT = builder().build();

    /** How far ahead to look for the next working day before deciding there is none. */
    private static final int LOOKAHEAD_DAYS = 3_660;

    /** Checks the parts and copies the sets. */
    public OfficeHours {
        Objects.requireNonNull(zone, "officeHours.zone");
        Objects.requireNonNull(opens, "officeHours.opens");
        Objects.requireNonNull(closes, "officeHours.closes");
        if (Objects.requireNonNull(workingDays, "officeHours.workingDays").isEmpty()) {
            throw new IllegalArgumentException("officeHours.workingDays must name at least one day; "
                    + "to report nothing, disable the rule instead");
        }
        if (!closes.equals(LocalTime.MIDNIGHT) && !opens.isBefore(closes)) {
            throw new IllegalArgumentException("officeHours: opens " + opens + " must be before closes " + closes
                    + " (00:00 closes at midnight)");
        }
        workingDays = Set.copyOf(workingDays);
        holidays = Set.copyOf(Objects.requireNonNull(holidays, "officeHours.holidays"));
        extraWorkingDays = Set.copyOf(Objects.requireNonNull(extraWorkingDays, "officeHours.extraWorkingDays"));
    }

    /** @return a builder starting from {@link #DEFAULT}'s values */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param at a ledger time
     * @return whether it falls inside office hours
     */
    public boolean contains(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        return workingDay(local.toLocalDate()) && !time.isBefore(opens)
                && (closes.equals(LocalTime.MIDNIGHT) || time.isBefore(closes));
    }

    /**
     * @param date a date in the offices' zone
     * @return whether it is a working day
     */
    public boolean workingDay(LocalDate date) {
        return extraWorkingDays.contains(date) || workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /**
     * When the offices next open after a time outside office hours: the end of the closed period
     * that holds it.
     *
     * @return the opening, or {@code null} if no working day follows within ten years
     */
    Instant nextOpening(Instant after) {
        LocalDate date = after.atZone(zone).toLocalDate();
        for (int day = 0; day <= LOOKAHEAD_DAYS; day++, date = date.plusDays(1)) {
            if (workingDay(date)) {
                Instant opening = ZonedDateTime.of(date, opens, zone).toInstant();
                if (opening.isAfter(after)) {
                    return opening;
                }
            }
        }
        return null;
    }

    /** @return e.g. {@code Mon,Tue,Wed,Thu,Fri 08:30-18:00 Asia/Shanghai, 3 holidays} */
    public String describe() {
        StringJoiner days = new StringJoiner(",");
        EnumSet.copyOf(workingDays).forEach(day -> days.add(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)));
        String text = days + " " + opens + "-" + (closes.equals(LocalTime.MIDNIGHT) ? "24:00" : closes) + " " + zone;
        if (!holidays.isEmpty()) {
            text += ", " + holidays.size() + " holiday(s)";
        }
        if (!extraWorkingDays.isEmpty()) {
            text += ", " + extraWorkingDays.size() + " extra working day(s)";
        }
        return text;
    }

    /** Collects office hours; setters reject null, {@link #build()} inconsistent hours. */
    public static final class Builder {
        private ZoneId zone = ZoneId.of("Asia/Shanghai");
        private Set<DayOfWeek> workingDays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        private LocalTime opens = LocalTime.of(8, 30);
        private LocalTime closes = LocalTime.of(18, 0);
        private Set<LocalDate> holidays = Set.of();
        private Set<LocalDate> extraWorkingDays = Set.of();

        private Builder() {}

        /** @param offices the offices' zone (default Asia/Shanghai) @return this builder */
        public Builder zone(ZoneId offices) {
            this.zone = Objects.requireNonNull(offices, "zone");
            return this;
        }

        /** @param days the working days of the week (default Monday to Friday) @return this builder */
        public Builder workingDays(Set<DayOfWeek> days) {
            this.workingDays = Set.copyOf(Objects.requireNonNull(days, "workingDays"));
            return this;
        }

        /**
         * @param opening when a working day starts (default 08:30)
         * @param closing when it ends (default 18:00); 00:00 for midnight
         * @return this builder
         */
        public Builder hours(LocalTime opening, LocalTime closing) {
            this.opens = Objects.requireNonNull(opening, "opens");
            this.closes = Objects.requireNonNull(closing, "closes");
            return this;
        }

        /** @param dates public holidays (default none) @return this builder */
        public Builder holidays(Set<LocalDate> dates) {
            this.holidays = Set.copyOf(Objects.requireNonNull(dates, "holidays"));
            return this;
        }

        /** @param dates weekend days worked instead of a holiday (default none) @return this builder */
        public Builder extraWorkingDays(Set<LocalDate> dates) {
            this.extraWorkingDays = Set.copyOf(Objects.requireNonNull(dates, "extraWorkingDays"));
            return this;
        }

        /**
         * @return the office hours
         * @throws IllegalArgumentException if no working day is named or the hours are reversed
         */
        public OfficeHours build() {
            return new OfficeHours(zone, workingDays, opens, closes, holidays, extraWorkingDays);
        }
    }
}
