package org.qcchain.node.http;

import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.node.ApiException;

/**
 * Client-chosen record ids in paths (agreements, consents), checked with the chaincode's syntax
 * before anything reaches the ledger.
 */
final class RecordIds {

    /** The chaincode's record id: agreements, consents, nonces. */
    static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private RecordIds() {}

    /**
     * @return the path parameter {@code id}
     * @throws ApiException {@code INVALID_ARGUMENT} if it is not a record id
     */
    static String fromPath(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (id == null || !RECORD_ID.matcher(id).matches()) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "the path's id must match " + RECORD_ID.pattern());
        }
        return id;
    }
}
