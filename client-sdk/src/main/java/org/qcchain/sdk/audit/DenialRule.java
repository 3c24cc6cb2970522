package org.qcchain.sdk.audit;

import java.time.Duration;

/**
 * Many denials: within any {@code window} (sliding), at least {@code minDenials} of one consumer's
 * requests were denied, and denials are more than {@code maxRatio} of its requests in that window.
 * Both conditions: a large consumer with a few denials among thousands of grants is normal, and
 * so is a small one whose only two requests were denied; a consumer probing subjects it has no
 * consent for is neither.
 *
 * <p>A denial for a bad signature or an untrusted certificate names a consumer that did not prove
 * it asked; it counts under that name all the same (the record's {@code submitterMspId} says who
 * submitted it).
 *
 * @param minDenials the fewest denials that can be abnormal, at least 1
 * @param maxRatio the share of denials that is still normal, 0 (inclusive) to 1 (exclusive)
 * @param window the window, positive and at most 31 days
 */
public record DenialRule(int minDenials, double maxRatio, Duration window) {

    /** At least 10 denials that are more than half of the consumer's requests within an hour. */
    public static final DenialRule DEFAULT = new DenialRule(10, 0.5, Duration.ofHours(1));

    /** Checks the parts. */
    public DenialRule {
        if (minDenials < 1) {
            throw new IllegalArgumentException("denials.minDenials must be at least 1, was " + minDenials);
        }
        if (!(maxRatio >= 0 && maxRatio < 1)) {
            throw new IllegalArgumentException("denials.maxRatio must be at least 0 and below 1, was " + maxRatio);
        }
        Windows.check("denials", window);
    }

    /**
     * @param denials denials in a window
     * @param requests requests in that window
     * @return whether they break the rule
     */
    boolean broken(long denials, long requests) {
        return denials >= minDenials && denials > maxRatio * requests;
    }

    /** @return the rule in words */
    public String describe() {
        return "at least " + minDenials + " denials, more than " + percent(maxRatio) + " of the requests, within "
                + Windows.text(window);
    }

    static String percent(double ratio) {
        return Math.round(ratio * 1000) / 10.0 + "%";
    }
}
