package org.qcchain.sdk.audit;

import java.time.Instant;

/**
 * One record as a window keeps it: when, its access id (null where the rule will never need it),
 * and whether it was denied.
 */
record Stamp(Instant at, String accessId, boolean denied) {

    /** @return whether the record has left a window whose cutoff this is */
    boolean leftBy(Instant cutoff) {
        return !at.isAfter(cutoff);
    }
}
