package org.qcchain.chaincode.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Units of consent frequency caps and data life. Windows are calendar periods in UTC, computed
 * from the transaction time only, so every peer computes the same window.
 */
public enum PeriodUnit {
    HOUR,
    DAY,
    MONTH,
    YEAR,
    /** No limit: a data life of INF lets the consumer keep the data; not valid as a frequency unit. */
    INF;

    /** The index of the calendar window that contains {@code at}, e.g. the UTC day number. */
    public long windowIndex(Instant at) {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        return switch (this) {
            case HOUR -> Math.floorDiv(at.getEpochSecond(), 3600L);
            case DAY -> utc.toLocalDate().toEpochDay();
            case MONTH -> utc.getYear() * 12L + utc.getMonthValue() - 1;
            case YEAR -> utc.getYear();
            case INF -> 0L;
        };
    }

    /** {@code from} plus {@code count} of this unit, in UTC calendar arithmetic; INF gives null. */
    public Instant plus(Instant from, long count) {
        ZonedDateTime utc = from.atZone(ZoneOffset.UTC);
        return switch (this) {
            case HOUR -> from.plusSeconds(3600L * count);
            case DAY -> utc.plusDays(count).toInstant();
            case MONTH -> utc.plusMonths(count).toInstant();
            case YEAR -> utc.plusYears(count).toInstant();
            case INF -> null;
        };
    }
}
