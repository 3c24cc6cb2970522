package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import org.qcchain.node.metrics.HttpMetrics;

/**
 * The first handler of every request: gives it an id (header {@code X-Qc-Request-Id}, the
 * {@code instance} of problem documents) and, when the response ends, counts it in the metrics
 * under its route template.
 */
final class RequestObserver implements Handler<RoutingContext> {

    /** Header carrying the request id back to the caller. */
    static final String REQUEST_ID_HEADER = "X-Qc-Request-Id";

    private static final String ID_KEY = "qcchain.requestId";
    private static final String ROUTE_KEY = "qcchain.route";

    private final HttpMetrics metrics;

    RequestObserver(HttpMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        String id = UUID.randomUUID().toString();
        ctx.put(ID_KEY, id);
        ctx.response().putHeader(REQUEST_ID_HEADER, id);
        ctx.addBodyEndHandler(ignored -> {
            String route = ctx.get(ROUTE_KEY);
            metrics.record(ctx.request().method().name(), route == null ? HttpMetrics.UNMATCHED : route,
                    ctx.response().getStatusCode(), (System.nanoTime() - start) / 1e9);
        });
        ctx.next();
    }

    /** A handler that labels the request with its route template, for the metrics. */
    static Handler<RoutingContext> routeLabel(String template) {
        return ctx -> {
            ctx.put(ROUTE_KEY, template);
            ctx.next();
        };
    }

    static String requestId(RoutingContext ctx) {
        return ctx.get(ID_KEY);
    }
}
