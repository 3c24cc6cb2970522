package org.qcchain.ledger.embedded;

import java.util.Objects;

/**
 * A proposal the ledger will not run: malformed, for another channel or chaincode, not signed by
 * its creator, or from a creator who is not a member of the channel; also a membership update that
 * may not be applied. {@link EmbeddedLedger#evaluate} throws it; {@link EmbeddedLedger#submit}
 * answers with a {@link CommitResult} carrying the same {@link #code()} instead.
 */
public final class ProposalRejectedException extends LedgerException {

    private static final long serialVersionUID = 1L;

    private final ValidationCode code;

    /**
     * A rejection.
     *
     * @param code why: {@link ValidationCode#BAD_PROPOSAL}, {@link
     *     ValidationCode#BAD_PROPOSAL_SIGNATURE}, {@link ValidationCode#CREATOR_NOT_MEMBER}, {@link
     *     ValidationCode#CREATOR_CERTIFICATE_EXPIRED} or {@link ValidationCode#BAD_CONFIG_UPDATE}
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
