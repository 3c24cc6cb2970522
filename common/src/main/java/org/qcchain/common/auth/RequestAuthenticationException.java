package org.qcchain.common.auth;

import java.util.Objects;
import org.qcchain.common.error.ErrorCode;

/**
 * A signed request was refused. {@link #errorCode()} says which check failed, in terms of the
 * platform's error catalogue; the message says why, for the caller, and never contains secrets.
 *
 * <pre>{@code
 * try {
 *   verifier.verify(method, pathAndQuery, body, headers, now);
 * } catch (RequestAuthenticationException e) {
 *   respond(e.errorCode().httpStatus(), e.errorCode().code(), e.getMessage());
 * }
 * }</pre>
 */
public final class RequestAuthenticationException extends Exception {

    /** Serialization version of this class. */
    private static final long serialVersionUID = 1L;

    /** Which check failed. */
    private final ErrorCode errorCode;

    /**
     * Creates the exception.
     *
     * @param errorCode which check failed, e.g. {@link ErrorCode#BAD_SIGNATURE}
     * @param message why, for the caller
     */
    public RequestAuthenticationException(ErrorCode errorCode, String message) {
        this(errorCode, message, null);
    }

    /**
     * Creates the exception with the low-level failure as cause.
     *
     * @param errorCode which check failed
     * @param message why, for the caller
     * @param cause the underlying failure, or {@code null}
     */
    public RequestAuthenticationException(ErrorCode errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    /**
     * Which check failed.
     *
     * @return the error code, never {@code null}
     */
    public ErrorCode errorCode() {
        return errorCode;
    }
}
