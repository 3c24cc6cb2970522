package org.qcchain.sdk;

import java.util.Optional;
import org.qcchain.common.error.ErrorCode;

/**
 * The node refused a call with an RFC 9457 problem document (docs/api.md, "Errors"). Program
 * against {@link #getErrorCode()}, not the detail text. A denied data request carries the id of
 * the access record the ledger wrote for the denial.
 *
 * <pre>{@code
 * } catch (QcchainApiException e) {
 *     if (e.getErrorCode() == ErrorCode.CONSENT_REVOKED) { ... }
 * }
 * }</pre>
 */
public final class QcchainApiException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;
    private final int status;
    private final String detail;
    private final String accessId;

    /**
     * @param errorCode the problem's {@code code}; INTERNAL_ERROR if the node sent none we know
     * @param status the HTTP status
     * @param detail the problem's {@code detail}, for people
     * @param accessId the access record id of a denied request, or {@code null}
     */
    public QcchainApiException(ErrorCode errorCode, int status, String detail, String accessId) {
        super(errorCode.code() + " (" + status + "): " + detail);
        this.errorCode = errorCode;
        this.status = status;
        this.detail = detail;
        this.accessId = accessId;
    }

    /** @return the stable error code */
    public ErrorCode getErrorCode() {
        return errorCode;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the node's explanation */
    public String detail() {
        return detail;
    }

    /** @return the access id of a denied data request, if the node sent one */
    public Optional<String> accessId() {
        return Optional.ofNullable(accessId);
    }
}
