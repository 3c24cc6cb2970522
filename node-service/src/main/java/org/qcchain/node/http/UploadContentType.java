package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.node.ApiException;

/**
 * Lets a record upload through only with a type {@link UploadFormat} knows, otherwise {@code
 * UNSUPPORTED_MEDIA_TYPE} (415); runs before authentication, as {@link JsonContentType} does.
 */
final class UploadContentType implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        if (UploadFormat.of(ctx.request().getHeader("Content-Type")).isEmpty()) {
            ctx.fail(new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be "
                    + UploadFormat.names() + ", with at most charset=utf-8"));
            return;
        }
        ctx.next();
    }
}
