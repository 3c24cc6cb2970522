package org.qcchain.node.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import org.qcchain.common.json.Json;

/**
 * Reads request bodies with the platform's strict JSON rules ({@link Json#parse}): unknown fields,
 * wrong types, duplicates and trailing content are refused with a {@code JsonInputException},
 * which the failure handler answers with 400 {@code INVALID_ARGUMENT} and a JSON Pointer.
 */
final class JsonBodies {

    private JsonBodies() {}

    static <T> T read(RoutingContext ctx, Class<T> type) {
        return Json.parse(bytes(ctx), type);
    }

    static byte[] bytes(RoutingContext ctx) {
        Buffer buffer = ctx.body().buffer();
        return buffer == null ? new byte[0] : buffer.getBytes();
    }
}
