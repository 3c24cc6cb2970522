package org.qcchain.sdk.subject;

import java.util.List;
import org.qcchain.sdk.verify.LedgerPosition;

/**
 * One access to a subject's data, as the ledger recorded it, after {@link AccessTrailVerifier}
 * checked it: every value here comes from the bytes the {@code requestAccess} transaction wrote,
 * not from the node's listing.
 *
 * @param accessId the access id (the transaction id)
 * @param consumerMspId who asked
 * @param purpose for what, e.g. {@code LOAN_UNDERWRITING} or {@code SUBJECT_ACCESS}
 * @param datasets the datasets asked for, in request order
 * @param granted whether the ledger granted the request
 * @param reasonCode the denial's reason code; null when granted
 * @param decidedAt when the ledger decided, ISO-8601
 * @param position where the deciding transaction is on the ledger
 */
public record VerifiedAccess(String accessId, String consumerMspId, String purpose, List<String> datasets,
        boolean granted, String reasonCode, String decidedAt, LedgerPosition position) {

    /** Copies the datasets. */
    public VerifiedAccess {
        datasets = List.copyOf(datasets);
    }
}
