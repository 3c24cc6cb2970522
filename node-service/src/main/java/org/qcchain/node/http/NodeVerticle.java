package org.qcchain.node.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import org.qcchain.node.auth.NonceCache;
import org.qcchain.node.auth.OrganisationDirectory;
import org.qcchain.node.config.NodeConfig;
import org.qcchain.node.metrics.HttpMetrics;

/** The verticle that owns the HTTP server; deployed by {@link NodeServer}. */
final class NodeVerticle extends VerticleBase {

    private final NodeConfig config;
    private final HttpServerOptions options;
    private final OrganisationDirectory directory;
    private final HttpMetrics metrics;
    private final NonceCache nonces;
    private final NodeServices services;
    private volatile HttpServer server;

    NodeVerticle(NodeConfig config, HttpServerOptions options, OrganisationDirectory directory,
            HttpMetrics metrics, NonceCache nonces, NodeServices services) {
        this.services = services;
        this.config = config;
        this.options = options;
        this.directory = directory;
        this.metrics = metrics;
        this.nonces = nonces;
    }

    @Override
    public Future<?> start() {
        Router router = new NodeRouter(vertx, config, directory, metrics, nonces, services).build();
        return vertx.createHttpServer(options)
                .requestHandler(router)
                .listen()
                .onSuccess(listening -> server = listening);
    }

    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    int actualPort() {
        return server.actualPort();
    }
}
