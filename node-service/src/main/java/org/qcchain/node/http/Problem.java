package org.qcchain.node.http;

import org.qcchain.common.error.ErrorCode;

/**
 * An RFC 9457 problem document, {@code application/problem+json}, with the platform's stable error
 * code as the extension member {@code code}.
 *
 * @param type {@code urn:qcchain:error:<CODE>}, one URI per catalogue entry
 * @param title the catalogue entry's title
 * @param status the HTTP status
 * @param detail what is wrong with this request, for the caller
 * @param code the stable code, e.g. {@code REQUEST_REPLAYED}
 * @param instance {@code urn:qcchain:request:<id>}, the same id as the {@code X-Qc-Request-Id}
 *     header and the node's log
 * @param pointer JSON Pointer to the offending input value, when one is known
 * @param accessId for a data request the chaincode decided, its access record on the ledger: the
 *     denial, or a grant that could not be answered ({@code RECORD_INCOMPLETE})
 */
public record Problem(String type, String title, int status, String detail, String code,
        String instance, String pointer, String accessId) {

    /** The media type of a problem document. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * A problem for a catalogue entry.
     *
     * @param code the catalogue entry
     * @param detail what is wrong with this request
     * @param requestId the request's id
     * @param pointer JSON Pointer to the offending value, or {@code null}
     * @return the document
     */
    public static Problem of(ErrorCode code, String detail, String requestId, String pointer) {
        return new Problem("urn:qcchain:error:" + code.code(), code.title(), code.httpStatus(),
                detail, code.code(), requestId == null ? null : "urn:qcchain:request:" + requestId,
                pointer == null || pointer.isEmpty() ? null : pointer, null);
    }

    /**
     * This problem naming the access record the ledger wrote for the request.
     *
     * @param accessId the access record
     * @return the document with {@code accessId}
     */
    public Problem withAccessId(String accessId) {
        return new Problem(type, title, status, detail, code, instance, pointer, accessId);
    }

    /**
     * A data request the chaincode denied: always 403, whatever status the reason code has
     * elsewhere, because the request was well-formed and decided; the decision is on the ledger
     * under {@code accessId}.
     *
     * @param reason the access record's reason code
     * @param detail the chaincode's reason
     * @param requestId the request's id
     * @param accessId the access record of the denial
     * @return the document
     */
    public static Problem denial(ErrorCode reason, String detail, String requestId, String accessId) {
        Problem problem = of(reason, detail, requestId, null);
        return new Problem(problem.type(), problem.title(), 403, detail, problem.code(),
                problem.instance(), null, null).withAccessId(accessId);
    }
}
