package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.qcchain.node.answer.DatasetCoverage;
import org.qcchain.node.config.NodeConfig;

/**
 * {@code GET /v1/node}: the node's effective settings (no secrets, no file paths), for the
 * OPERATOR and AUDITOR roles: suite, ledger backend, TLS mode and limits, and each provider
 * store's state with the reason a store failed its check, at the start or since ({@code /health}
 * shows the state only).
 */
final class NodeInfoHandler implements Handler<RoutingContext> {

    /** The answer. */
    record NodeInfo(String version, String cryptoSuite, String ledgerBackend, boolean tls,
            String clientAuth, NodeConfig.Limits limits, int maxClockSkewSeconds,
            List<DatasetCoverage.StoreStatus> providerStores) {}

    private final NodeConfig config;
    private final NodeServices services;

    NodeInfoHandler(NodeConfig config, NodeServices services) {
        this.config = config;
        this.services = services;
    }

    @Override
    public void handle(RoutingContext ctx) {
        // the stores' states may need a look at the data folder: never on the event loop
        ctx.vertx().executeBlocking(() -> services.coverageIfAny().map(DatasetCoverage::storeStatuses)
                .orElse(List.of()), false).onComplete(stores -> {
                    if (stores.failed()) {
                        ctx.fail(stores.cause());
                        return;
                    }
                    Responses.json(ctx, 200, new NodeInfo(NodeServer.version(), config.cryptoSuite().name(),
                            config.ledger().backend(), config.tls().enabled(), config.tls().clientAuth().name(),
                            config.limits(), config.auth().maxClockSkewSeconds(), stores.result()));
                });
    }
}
