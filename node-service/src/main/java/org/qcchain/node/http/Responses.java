package org.qcchain.node.http;

import io.vertx.ext.web.RoutingContext;
import org.qcchain.common.json.Json;

/** Writes successful answers: JSON with sorted keys, the way every node answers alike. */
final class Responses {

    private Responses() {}

    static void json(RoutingContext ctx, int status, Object value) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(Json.write(value));
    }
}
