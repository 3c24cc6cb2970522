package org.qcchain.ledger.embedded;

import java.util.Objects;

/**
 * A proposal the ledger will not run: malformed, for another channel or chaincode, or not signed
 * by its creator. {@link EmbeddedLedger#evaluate} throws it; {@link EmbeddedLedger#submit}
 * answers with a {@link CommitResult} carrying the same {@link #code()} instead.
 */
public final class ProposalRejectedException extends LedgerException {

    private static final long serialVersionUID = 1L;

    private final ValidationCode code;

    /**
     * A rejection.
     *
     * @param code why: {@link ValidationCode#BAD_PROPOSAL} or {@link
     *     ValidationCode#BAD_PROPOSAL_SIGNATURE}
     * @param message what exactly is wrong
     */
    public ProposalRejectedException(ValidationCode code, String message) {
        super(code + ": " + message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Why the proposal was rejected. */
    public ValidationCode code() {
        return code;
    }
}
