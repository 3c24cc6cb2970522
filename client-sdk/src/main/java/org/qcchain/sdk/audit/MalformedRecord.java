package org.qcchain.sdk.audit;

import java.util.Objects;

/**
 * A record the detector could not analyse, reported instead of skipped: a missing or mistyped
 * field, a timestamp that does not parse, a record out of decision-time order, a record listed
 * twice. On a trail that {@link AccessTrailAudit} verified against the ledger none of these should
 * occur, so each is worth a look.
 *
 * @param position the record's place in the input, counting from 1
 * @param accessId its access id if one could be read, else {@code null}
 * @param problem what is wrong; never a subject's pseudonym
 */
public record MalformedRecord(long position, String accessId, String problem) {

    /** Checks the parts. */
    public MalformedRecord {
        if (position < 1) {
            throw new IllegalArgumentException("position counts from 1");
        }
        Objects.requireNonNull(problem, "problem");
    }
}
