package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.qcchain.node.metrics.HttpMetrics;

/** {@code GET /metrics}: the Prometheus text exposition of {@link HttpMetrics}. */
final class MetricsHandler implements Handler<RoutingContext> {

    private final HttpMetrics metrics;

    MetricsHandler(HttpMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", HttpMetrics.contentType()).end(metrics.scrape());
    }
}
