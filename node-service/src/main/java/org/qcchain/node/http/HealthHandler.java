package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import org.qcchain.node.config.NodeConfig;

/**
 * {@code GET /health}: whether the node answers, unauthenticated so load balancers and service
 * managers can probe it. The ledger part says {@code NOT_CONNECTED} until a ledger backend is
 * wired in; it then reports the backend's own state.
 */
final class HealthHandler implements Handler<RoutingContext> {

    /** The answer. */
    record Health(String status, String version, String cryptoSuite, Ledger ledger,
            long uptimeSeconds) {}

    /** The ledger's part of the answer. */
    record Ledger(String backend, String status) {}

    private final NodeConfig config;
    private final Instant started = Instant.now();

    HealthHandler(NodeConfig config) {
        this.config = config;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Responses.json(ctx, 200, new Health("UP", NodeServer.version(), config.cryptoSuite().name(),
                new Ledger(config.ledger().backend(), "NOT_CONNECTED"),
                Duration.between(started, Instant.now()).toSeconds()));
    }
}
