package org.qcchain.common.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * {@link Instant#parse} and {@link Instant#toString} with a fast path for the one form the platform
 * writes, {@code 2026-01-31T09:00:00.123Z} (UTC, four-digit year, zero to nine fraction digits).
 *
 * <p>Every data request carries several instants (its signing time, the consent's and agreement's
 * validity, the decision time) and the JDK reads and writes each through a general {@code
 * DateTimeFormatter}, which was a few percent of a ledger worker's time per transaction. The
 * results are exactly the JDK's: any text outside the fast path (a lower-case {@code t}, an offset,
 * a leap second, an impossible date, a five-digit year) goes to {@link Instant#parse}, so what is
 * accepted, what it means and the exception for what is refused do not change.
 */
public final class IsoInstant {

    private static final int SECONDS_PER_DAY = 86_400;
    /** Length of {@code yyyy-MM-ddTHH:mm:ss}. */
    private static final int SECONDS_END = 19;
    private static final int MAX_FRACTION_DIGITS = 9;
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
        100_000_000, 1_000_000_000};
    private static final long FIRST_FAST_SECOND = LocalDate.of(1, 1, 1).toEpochDay() * SECONDS_PER_DAY;
    private static final long END_FAST_SECOND = LocalDate.of(10_000, 1, 1).toEpochDay() * SECONDS_PER_DAY;

    private IsoInstant() {}

    /**
     * Parses an ISO-8601 instant exactly as {@link Instant#parse} does.
     *
     * @param text the text, such as {@code 2026-01-31T09:00:00Z}
     * @return the instant
     * @throws DateTimeParseException if {@link Instant#parse} would throw it
     */
    public static Instant parse(CharSequence text) {
        Objects.requireNonNull(text, "text");
        Instant fast = parseCommonForm(text);
        return fast != null ? fast : Instant.parse(text);
    }

    /**
     * Formats an instant exactly as {@link Instant#toString} does: the fraction in groups of three
     * digits, as many as it needs.
     *
     * @param instant the instant
     * @return its ISO-8601 text in UTC
     */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_FAST_SECOND || seconds >= END_FAST_SECOND) {
            return instant.toString();
        }
        long epochDay = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        StringBuilder out = new StringBuilder(30);
        digits(out, date.getYear(), 4).append('-');
        digits(out, date.getMonthValue(), 2).append('-');
        digits(out, date.getDayOfMonth(), 2).append('T');
        digits(out, secondOfDay / 3600, 2).append(':');
        digits(out, secondOfDay / 60 % 60, 2).append(':');
        digits(out, secondOfDay % 60, 2);
        int nanos = instant.getNano();
        if (nanos > 0) {
            out.append('.');
            if (nanos % 1_000_000 == 0) {
                digits(out, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                digits(out, nanos / 1_000, 6);
            } else {
                digits(out, nanos, 9);
            }
        }
        return out.append('Z').toString();
    }

    /** The instant if {@code text} is in the common form and a valid time, otherwise null. */
    private static Instant parseCommonForm(CharSequence text) {
        int length = text.length();
        if (length < SECONDS_END + 1 || length > SECONDS_END + 2 + MAX_FRACTION_DIGITS
                || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > SECONDS_END + 1) {
            if (text.charAt(SECONDS_END) != '.' || length == SECONDS_END + 2) {
                return null;
            }
            int fraction = number(text, SECONDS_END + 1, length - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction * POWERS_OF_TEN[MAX_FRACTION_DIGITS - (length - 1 - (SECONDS_END + 1))];
        }
        if (day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
    }

    /** The ASCII digits in {@code [from, to)} as a number; -1 if any is not a digit. */
    private static int number(CharSequence text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static StringBuilder digits(StringBuilder out, int value, int width) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(text);
    }
}
