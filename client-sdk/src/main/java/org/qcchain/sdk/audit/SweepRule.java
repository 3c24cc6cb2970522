package org.qcchain.sdk.audit;

import java.time.Duration;

/**
 * A sweep: one consumer asked about more than {@code maxSubjects} distinct subjects within any
 * {@code window} (sliding), granted or denied. Subjects are pseudonyms, so this counts people
 * without knowing who they are.
 *
 * @param maxSubjects the most distinct subjects a window may hold, at least 1
 * @param window the window, positive and at most 31 days
 */
public record SweepRule(int maxSubjects, Duration window) {

    /**
     * More than 50 distinct subjects within an hour: more applicants than a branch sees, fewer than
     * a bulk pull. An identity provider serving its citizens' safe-box ({@code SUBJECT_ACCESS})
     * reaches it too; that is the sweep security.md asks auditors to match against its login log.
     */
    public static final SweepRule DEFAULT = new SweepRule(50, Duration.ofHours(1));

    /** Checks the parts. */
    public SweepRule {
        if (maxSubjects < 1) {
            throw new IllegalArgumentException("sweep.maxSubjects must be at least 1, was " + maxSubjects);
        }
        Windows.check("sweep", window);
    }

    /** @return the rule in words */
    public String describe() {
        return "more than " + maxSubjects + " distinct subjects within " + Windows.text(window);
    }
}
