package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.node.ApiException;

/**
 * Lets a request with a body through only if it says {@code application/json}, with at most a
 * UTF-8 charset parameter; otherwise {@code UNSUPPORTED_MEDIA_TYPE} (415). Runs before
 * authentication, so a client learns about the wrong type before it debugs its signature.
 */
final class JsonContentType implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Content-Type");
        if (!isJson(header)) {
            String shown = header == null ? "none" : "'" + abbreviate(header) + "'";
            ctx.fail(new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must be application/json, was " + shown));
            return;
        }
        ctx.next();
    }

    static boolean isJson(String header) {
        if (header == null) {
            return false;
        }
        String[] parts = header.toLowerCase(Locale.ROOT).split(";");
        if (!parts[0].strip().equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().replace("\"", "");
            if (!parameter.equals("charset=utf-8") && !parameter.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() <= 60 ? printable : printable.substring(0, 60) + "…";
    }
}
