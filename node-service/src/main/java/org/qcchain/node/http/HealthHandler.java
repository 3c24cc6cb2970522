package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import org.qcchain.node.config.NodeConfig;
import org.qcchain.node.ledger.LedgerBackend;

/**
 * {@code GET /health}: whether the node answers, unauthenticated so load balancers and service
 * managers can probe it. The ledger part says {@code NOT_CONNECTED} when no ledger backend is
 * wired in, {@code UP} with the chain height when the backend answers, and {@code UNAVAILABLE}
 * when it does not (the node itself is then {@code DEGRADED}).
 */
final class HealthHandler implements Handler<RoutingContext> {

    /** The answer. */
    record Health(String status, String version, String cryptoSuite, Ledger ledger,
            long uptimeSeconds) {}

    /** The ledger's part of the answer; height is null unless the ledger is up. */
    record Ledger(String backend, String status, Long height) {}

    private final NodeConfig config;
    private final NodeServices services;
    private final Instant started = Instant.now();

    HealthHandler(NodeConfig config, NodeServices services) {
        this.config = config;
        this.services = services;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (services.ledgerIfAny().isEmpty()) {
            answer(ctx, new Ledger(config.ledger().backend(), "NOT_CONNECTED", null));
            return;
        }
        LedgerBackend ledger = services.ledgerIfAny().get();
        // the height may need the database: never on the event loop
        ctx.vertx().executeBlocking(ledger::height, false).onComplete(result -> answer(ctx, result.succeeded()
                ? new Ledger(config.ledger().backend(), "UP", result.result())
                : new Ledger(config.ledger().backend(), "UNAVAILABLE", null)));
    }

    private void answer(RoutingContext ctx, Ledger ledger) {
        String status = "UNAVAILABLE".equals(ledger.status()) ? "DEGRADED" : "UP";
        Responses.json(ctx, 200, new Health(status, NodeServer.version(), config.cryptoSuite().name(), ledger,
                Duration.between(started, Instant.now()).toSeconds()));
    }
}
