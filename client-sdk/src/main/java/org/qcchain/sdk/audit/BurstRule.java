package org.qcchain.sdk.audit;

import java.time.Duration;

/**
 * A burst: more than {@code maxRequests} requests by one consumer within any {@code window}
 * (sliding; a request exactly one window after another is no longer in its window). Granted and
 * denied requests both count: each one is a query about a subject.
 *
 * @param maxRequests the most requests a window may hold, at least 1
 * @param window the window, positive and at most 31 days
 */
public record BurstRule(int maxRequests, Duration window) {

    /**
     * More than 100 requests within a minute. A loan officer or claims handler asks one subject at
     * a time; a hundred a minute is a script, which deserves a look even when every request is
     * consented.
     */
    public static final BurstRule DEFAULT = new BurstRule(100, Duration.ofMinutes(1));

    /** Checks the parts. */
    public BurstRule {
        if (maxRequests < 1) {
            throw new IllegalArgumentException("burst.maxRequests must be at least 1, was " + maxRequests);
        }
        Windows.check("burst", window);
    }

    /** @return the rule in words */
    public String describe() {
        return "more than " + maxRequests + " requests within " + Windows.text(window);
    }
}
