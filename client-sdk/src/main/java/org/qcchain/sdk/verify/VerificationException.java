package org.qcchain.sdk.verify;

import java.util.Objects;
import org.qcchain.common.proof.ProofException;

/**
 * An answer or a stretch of the chain did not verify. {@link #failure()} names the check that
 * failed; the message starts with its name ({@code "ANCHOR_MISMATCH: ..."}) and never contains a
 * disclosed value or a salt, so it can be logged.
 *
 * <pre>{@code
 * try {
 *     VerifiedAnswer answer = verifier.verify(dataAnswer, signedRequest.requestHash());
 * } catch (VerificationException e) {
 *     reject(e.failure(), e.getMessage());   // do not use the data
 * }
 * }</pre>
 */
public class VerificationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The failed check. */
    private final VerificationFailure failure;

    /**
     * Creates the exception.
     *
     * @param failure the failed check
     * @param detail what exactly was wrong, without values or salts
     */
    public VerificationException(VerificationFailure failure, String detail) {
        this(failure, detail, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param failure the failed check
     * @param detail what exactly was wrong, without values or salts
     * @param cause what made the check fail, or {@code null}
     */
    public VerificationException(VerificationFailure failure, String detail, Throwable cause) {
        super(Objects.requireNonNull(failure, "failure").name() + ": " + Objects.requireNonNull(detail, "detail"),
                cause);
        this.failure = failure;
    }

    /**
     * Wraps a record-proof failure of common, keeping its reason.
     *
     * @param where which record, e.g. {@code "record 2 of social.insurance.contributions"}
     * @param cause common's exception
     * @return the exception to throw
     */
    static VerificationException of(String where, ProofException cause) {
        return new VerificationException(VerificationFailure.of(cause.reason()), where + ": " + cause.getMessage(),
                cause);
    }

    /**
     * The check that failed.
     *
     * @return the failure, never {@code null}
     */
    public VerificationFailure failure() {
        return failure;
    }
}
