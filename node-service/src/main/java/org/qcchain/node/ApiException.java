package org.qcchain.node;

import java.util.Objects;
import org.qcchain.common.error.ErrorCode;

/**
 * Ends a request with an error from the platform's catalogue: the failure handler answers with
 * {@link ErrorCode#httpStatus()} and a problem document whose {@code code} is {@link #errorCode()}
 * and whose {@code detail} is the message. The message goes to the caller, so it names the input
 * that is wrong and never carries secrets or stack traces.
 *
 * <pre>{@code
 * throw new ApiException(ErrorCode.INVALID_ARGUMENT, "pageSize must be between 1 and 200");
 * }</pre>
 */
public final class ApiException extends RuntimeException {

    /** Serialization version of this class. */
    private static final long serialVersionUID = 1L;

    /** What went wrong, in catalogue terms. */
    private final ErrorCode errorCode;

    /**
     * Creates the exception.
     *
     * @param errorCode the catalogue entry, deciding the HTTP status
     * @param detail what is wrong, for the caller
     */
    public ApiException(ErrorCode errorCode, String detail) {
        this(errorCode, detail, null);
    }

    /**
     * Creates the exception with the failure behind it, for the node's own decisions (e.g. whether
     * a ledger may answer later); the cause never reaches the caller's problem document.
     *
     * @param errorCode the catalogue entry: decides the HTTP status and the {@code code} field
     * @param detail human-readable explanation for this occurrence
     * @param cause the failure behind it, or {@code null}
     */
    public ApiException(ErrorCode errorCode, String detail, Throwable cause) {
        super(detail, cause, false, false);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    /**
     * What went wrong.
     *
     * @return the catalogue entry
     */
    public ErrorCode errorCode() {
        return errorCode;
    }
}
