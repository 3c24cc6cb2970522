package org.qcchain.sdk.audit;

import java.util.Comparator;
import java.util.Objects;

/**
 * One difference between the chain and the listing of the access trail, precise enough to act
 * on: the access id, and where the chain holds the transaction, so that the auditor can fetch its
 * evidence ({@code GET /v1/transactions/{txId}}) and put it before the operator.
 *
 * @param kind what differs
 * @param accessId the access id (= transaction id) concerned; empty for a listed record without a
 *     well-formed id
 * @param blockNumber the block that holds the transaction, or -1 when no block of the chain does
 * @param index the transaction's position in that block, or -1
 * @param detail one sentence for people; names no subject
 */
public record CompletenessFinding(CompletenessKind kind, String accessId, long blockNumber, int index,
        String detail) {

    /**
     * The order of a report, independent of the order of the listing: by kind, then position on
     * the chain (transactions on no block last), then access id.
     */
    public static final Comparator<CompletenessFinding> ORDER = Comparator.comparing(CompletenessFinding::kind)
            .thenComparingLong(finding -> finding.blockNumber() < 0 ? Long.MAX_VALUE : finding.blockNumber())
            .thenComparingInt(CompletenessFinding::index)
            .thenComparing(CompletenessFinding::accessId)
            .thenComparing(CompletenessFinding::detail);

    /** Checks the parts. */
    public CompletenessFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(accessId, "accessId");
        Objects.requireNonNull(detail, "detail");
    }

    /** @return whether the chain holds the transaction */
    public boolean onChain() {
        return blockNumber >= 0;
    }
}
