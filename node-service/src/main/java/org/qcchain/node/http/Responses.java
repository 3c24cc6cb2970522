package org.qcchain.node.http;

import io.vertx.ext.web.RoutingContext;
import org.qcchain.common.json.Json;

/** Writes successful answers: JSON with sorted keys, the way every node answers alike. */
final class Responses {

    private Responses() {}

    static void json(RoutingContext ctx, int status, Object value) {
        jsonText(ctx, status, Json.write(value));
    }

    /** Writes JSON text made elsewhere (the ledger's answers, a signed envelope) as it is. */
    static void jsonText(RoutingContext ctx, int status, String json) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(json);
    }
}
