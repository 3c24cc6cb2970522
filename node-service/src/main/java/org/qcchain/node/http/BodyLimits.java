package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.regex.Pattern;
import org.qcchain.node.config.NodeConfig;

/**
 * Reads every request's body, with the limit that fits it: {@code limits.maxBulkBodyBytes} for a
 * bulk record upload (NDJSON or CSV to {@code POST /v1/datasets/{id}/records}), {@code
 * limits.maxBodyBytes} for everything else; a larger body gets 413 {@code PAYLOAD_TOO_LARGE}. The
 * whole body is read before the route runs because the request signature covers it, and because
 * an upload is checked row by row before any row is stored.
 */
final class BodyLimits implements Handler<RoutingContext> {

    private static final Pattern UPLOAD_PATH = Pattern.compile("/v1/datasets/[^/]+/records");

    private final BodyHandler standard;
    private final BodyHandler bulk;

    BodyLimits(NodeConfig.Limits limits) {
        this.standard = BodyHandler.create(false).setBodyLimit(limits.maxBodyBytes());
        this.bulk = BodyHandler.create(false).setBodyLimit(limits.maxBulkBodyBytes());
    }

    @Override
    public void handle(RoutingContext ctx) {
        (isBulkUpload(ctx) ? bulk : standard).handle(ctx);
    }

    private static boolean isBulkUpload(RoutingContext ctx) {
        return ctx.request().method() == HttpMethod.POST && UPLOAD_PATH.matcher(ctx.request().path()).matches()
                && UploadFormat.of(ctx.request().getHeader("Content-Type")).map(UploadFormat::bulk).orElse(false);
    }
}
