package org.qcchain.chaincode.support;

import org.qcchain.chaincode.model.PageQuery;
import org.qcchain.common.json.Json;
import org.qcchain.common.json.JsonInputException;

/** Reads JSON transaction arguments; any malformed input ends the transaction as INVALID_ARGUMENT. */
public final class Args {
    /** Arguments larger than this are refused before parsing. */
    public static final int MAX_ARGUMENT_CHARS = 256 * 1024;

    private Args() {}

    /** A page query argument; empty means the first page of the default size. */
    public static PageQuery pageQuery(String queryJson) {
        return queryJson == null || queryJson.isBlank() ? new PageQuery(null, null)
                : parse("query", queryJson, PageQuery.class);
    }

    public static <T> T parse(String argumentName, String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw ContractErrors.invalid(argumentName + " is required (a JSON object)");
        }
        if (json.length() > MAX_ARGUMENT_CHARS) {
            throw ContractErrors.invalid(argumentName + " is larger than " + MAX_ARGUMENT_CHARS + " characters");
        }
        try {
            return Json.parse(json, type);
        } catch (JsonInputException e) {
            throw ContractErrors.invalid(argumentName + ": " + e.getMessage());
        }
    }
}
