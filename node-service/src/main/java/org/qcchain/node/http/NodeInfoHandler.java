package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.qcchain.node.config.NodeConfig;

/**
 * {@code GET /v1/node}: the node's effective settings (no secrets, no file paths), for the
 * OPERATOR and AUDITOR roles: suite, ledger backend, TLS mode and limits.
 */
final class NodeInfoHandler implements Handler<RoutingContext> {

    /** The answer. */
    record NodeInfo(String version, String cryptoSuite, String ledgerBackend, boolean tls,
            String clientAuth, NodeConfig.Limits limits, int maxClockSkewSeconds) {}

    private final NodeInfo info;

    NodeInfoHandler(NodeConfig config) {
        this.info = new NodeInfo(NodeServer.version(), config.cryptoSuite().name(),
                config.ledger().backend(), config.tls().enabled(), config.tls().clientAuth().name(),
                config.limits(), config.auth().maxClockSkewSeconds());
    }

    @Override
    public void handle(RoutingContext ctx) {
        Responses.json(ctx, 200, info);
    }
}
