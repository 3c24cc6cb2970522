package org.qcchain.common.crypto;

import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * A signature did not verify. Thrown by {@link CryptoSuite#verify} instead of returning a boolean,
 * so a forgotten check cannot silently accept forged data.
 *
 * <p>{@link #reason()} says which check failed, for callers that map failures to error codes:
 *
 * <pre>{@code
 * try {
 *   suite.verify(publicKey, payload, signature);
 * } catch (InvalidSignatureException e) {
 *   if (e.reason() == InvalidSignatureException.Reason.WRONG_KEY) { ... }
 * }
 * }</pre>
 */
public final class InvalidSignatureException extends GeneralSecurityException {

    /** Serialization version of this class. */
    private static final long serialVersionUID = 1L;

    /** Which check rejected the signature. */
    public enum Reason {
        /** The key is not an elliptic-curve key of the verifying suite. */
        WRONG_KEY,
        /** The bytes are not a strict DER {@code SEQUENCE} of two integers in [1, n-1]. */
        MALFORMED,
        /** A P-256 signature with {@code s > n/2}; Fabric accepts only the low-S form. */
        HIGH_S,
        /** Well-formed, but not made over this data with the private key of this public key. */
        MISMATCH
    }

    /** Which check failed. */
    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason which check failed
     * @param message what failed, for a person
     */
    public InvalidSignatureException(Reason reason, String message) {
        this(reason, message, null);
    }

    /**
     * Creates the exception with the low-level failure as cause.
     *
     * @param reason which check failed
     * @param message what failed, for a person
     * @param cause the underlying failure, or {@code null}
     */
    public InvalidSignatureException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Which check rejected the signature.
     *
     * @return the reason, never {@code null}
     */
    public Reason reason() {
        return reason;
    }
}
