package org.qcchain.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.common.json.JsonInputException;

/** Reads an RFC 9457 problem document into a {@link QcchainApiException}. */
final class Problems {

    private Problems() {}

    static QcchainApiException toException(int status, String body) {
        JsonNode problem;
        try {
            problem = Json.tree(body == null || body.isBlank() ? "{}" : body);
        } catch (JsonInputException e) {
            problem = Json.mapper().createObjectNode();
        }
        ErrorCode code = problem.hasNonNull("code") ? QcchainClientImpl.code(problem.get("code").asText())
                : fromStatus(status);
        String detail = problem.path("detail").asText(problem.path("title").asText("HTTP " + status));
        String accessId = problem.hasNonNull("accessId") ? problem.get("accessId").asText() : null;
        return new QcchainApiException(code, status, detail, accessId);
    }

    /** Without a code (a proxy's page), the closest code of the status. */
    private static ErrorCode fromStatus(int status) {
        return switch (status) {
            case 400 -> ErrorCode.INVALID_ARGUMENT;
            case 401 -> ErrorCode.BAD_SIGNATURE;
            case 403 -> ErrorCode.NOT_AUTHORIZED;
            case 404 -> ErrorCode.ROUTE_NOT_FOUND;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 429 -> ErrorCode.RATE_LIMITED;
            case 503 -> ErrorCode.LEDGER_UNAVAILABLE;
            default -> ErrorCode.INTERNAL_ERROR;
        };
    }
}
