package org.qcchain.sdk.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of one finding while it is open: the first and last decision time, how many, the
 * first access ids up to the cap, and the peak of the rule's measure (with what it was measured
 * against, for a ratio). Memory is the cap's, however long the episode runs.
 */
final class Episode {
    private final int cap;
    private final List<String> accessIds = new ArrayList<>();
    private Instant from;
    private Instant to;
    private long records;
    private long peak;
    private long peakOf;

    Episode(int cap) {
        this.cap = cap;
    }

    /** Adds a record; records come in decision-time order. */
    void add(String accessId, Instant decidedAt) {
        if (from == null) {
            from = decidedAt;
        }
        to = decidedAt;
        records++;
        if (accessIds.size() < cap) {
            accessIds.add(accessId);
        }
    }

    /** Notes a measurement; keeps the highest, and what it was out of. */
    void measure(long value, long outOf) {
        if (value > peak) {
            peak = value;
            peakOf = outOf;
        }
    }

    long records() {
        return records;
    }

    long peak() {
        return peak;
    }

    long peakOf() {
        return peakOf;
    }

    /** @return the finding, {@code measure} being the peak unless given otherwise */
    Finding finding(FindingKind kind, String consumerMspId, String consentId, long measure, long threshold,
            String detail) {
        return new Finding(kind, consumerMspId, consentId, from, to, measure, threshold, records, accessIds, detail);
    }

    /** @return the access ids held, plus one for the episode itself */
    long retained() {
        return accessIds.size() + 1L;
    }
}
