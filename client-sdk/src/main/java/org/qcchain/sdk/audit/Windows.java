package org.qcchain.sdk.audit;

import java.time.Duration;
import java.util.Objects;

/** The rules' window lengths: one check and one way to print them. */
final class Windows {

    /**
     * The longest window a rule may have. A window holds the consumer's requests inside it, so
     * its length bounds the detector's memory; a month is far beyond what any rule here needs.
     */
    static final Duration LONGEST = Duration.ofDays(31);

    private Windows() {}

    /** @return the window if it is positive and at most {@link #LONGEST}, naming the rule otherwise */
    static Duration check(String rule, Duration window) {
        Objects.requireNonNull(window, rule + ".window");
        if (window.isNegative() || window.isZero() || window.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(rule + ".window must be positive and at most 31 days, was " + window);
        }
        return window;
    }

    /** @return e.g. {@code 10 min}, {@code 1 h}, {@code 90 s}, {@code 1500 ms} */
    static String text(Duration window) {
        long seconds = window.getSeconds();
        if (window.getNano() != 0) {
            return window.toMillis() + " ms";
        }
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + " d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + " h";
        }
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
