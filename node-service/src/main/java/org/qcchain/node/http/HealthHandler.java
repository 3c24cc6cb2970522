package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.qcchain.node.answer.DatasetCoverage;
import org.qcchain.node.config.NodeConfig;
import org.qcchain.node.ledger.LedgerBackend;

/**
 * {@code GET /health}: whether the node answers, unauthenticated so load balancers and service
 * managers can probe it. The ledger part says {@code NOT_CONNECTED} when no ledger backend is
 * wired in, {@code UP} with the chain height when the backend answers, and {@code UNAVAILABLE}
 * when it does not. Each provider store the node holds has its {@link DatasetCoverage.State}; the
 * node is {@code DEGRADED} when the ledger is unavailable or a store's state degrades it (its
 * datasets are not answered). Why a store failed (batch ids and roots) is not for anyone who can
 * reach the port: it is in the node's log and on {@code GET /v1/node} for the operator and auditors.
 */
final class HealthHandler implements Handler<RoutingContext> {

    /** The answer. */
    record Health(String status, String version, String cryptoSuite, Ledger ledger,
            List<StoreHealth> providerStores, long uptimeSeconds) {}

    /** A provider store as anyone may see it: its state and what was checked, not why it failed. */
    record StoreHealth(String mspId, DatasetCoverage.State status, Integer checkedBatches, Long checkedRecords) {

        static StoreHealth of(DatasetCoverage.StoreStatus store) {
            return new StoreHealth(store.mspId(), store.state(), store.checkedBatches(), store.checkedRecords());
        }
    }

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
            answer(ctx, new Ledger(config.ledger().backend(), "NOT_CONNECTED", null), List.of());
            return;
        }
        LedgerBackend ledger = services.ledgerIfAny().get();
        // the height may need the database, the stores a look at the data folder: never on the event loop
        ctx.vertx().executeBlocking(() -> probe(ledger), false).onComplete(result -> {
            if (result.succeeded()) {
                answer(ctx, result.result().ledger(), result.result().stores());
            } else {
                answer(ctx, new Ledger(config.ledger().backend(), "UNAVAILABLE", null), List.of());
            }
        });
    }

    /** What the probe found. */
    private record Probe(Ledger ledger, List<DatasetCoverage.StoreStatus> stores) {}

    private Probe probe(LedgerBackend ledger) {
        List<DatasetCoverage.StoreStatus> stores = services.coverageIfAny()
                .map(DatasetCoverage::storeStatuses).orElse(List.of());
        try {
            return new Probe(new Ledger(config.ledger().backend(), "UP", ledger.height()), stores);
        } catch (RuntimeException e) {
            return new Probe(new Ledger(config.ledger().backend(), "UNAVAILABLE", null), stores);
        }
    }

    private void answer(RoutingContext ctx, Ledger ledger, List<DatasetCoverage.StoreStatus> stores) {
        boolean storeFailed = stores.stream().anyMatch(store -> store.state().degrades());
        String status = "UNAVAILABLE".equals(ledger.status()) || storeFailed ? "DEGRADED" : "UP";
        Responses.json(ctx, 200, new Health(status, NodeServer.version(), config.cryptoSuite().name(), ledger,
                stores.stream().map(StoreHealth::of).toList(), Duration.between(started, Instant.now()).toSeconds()));
    }
}
