package org.qcchain.common.proof;

import java.util.Objects;

/**
 * A proof did not verify. {@link #reason()} says which check failed; the message starts with the
 * reason's name ({@code "FIELD_COMMITMENT_MISMATCH: field 'plate' ..."}) and never contains a
 * field value or a salt, so it can be logged and returned to the caller.
 *
 * <pre>{@code
 * try {
 *     verifier.verify(disclosure, proof, anchoredBatch);
 * } catch (ProofException e) {
 *     reject(e.reason(), e.getMessage());
 * }
 * }</pre>
 */
public final class ProofException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The failed check. */
    private final ProofFailure reason;

    /**
     * Creates the exception.
     *
     * @param reason the failed check
     * @param detail what exactly was wrong, without values or salts
     */
    public ProofException(ProofFailure reason, String detail) {
        this(reason, detail, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param reason the failed check
     * @param detail what exactly was wrong, without values or salts
     * @param cause what made the check fail, or {@code null}
     */
    public ProofException(ProofFailure reason, String detail, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason").name() + ": "
                + Objects.requireNonNull(detail, "detail"), cause);
        this.reason = reason;
    }

    /**
     * The check that failed.
     *
     * @return the reason, never {@code null}
     */
    public ProofFailure reason() {
        return reason;
    }
}
