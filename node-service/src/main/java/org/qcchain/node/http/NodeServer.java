package org.qcchain.node.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import java.util.Objects;
import org.qcchain.node.auth.NonceCache;
import org.qcchain.node.auth.OrganisationDirectory;
import org.qcchain.node.config.ConfigException;
import org.qcchain.node.config.NodeConfig;
import org.qcchain.node.metrics.HttpMetrics;

/**
 * Starts and stops the node's HTTP API on a Vert.x instance the caller owns.
 *
 * <pre>{@code
 * NodeServer.start(vertx, config, directory)
 *     .onSuccess(node -> System.out.println("listening on " + node.port()));
 * }</pre>
 */
public final class NodeServer {

    private final Vertx vertx;
    private final String deploymentId;
    private final NodeVerticle verticle;
    private final HttpMetrics metrics;

    private NodeServer(Vertx vertx, String deploymentId, NodeVerticle verticle, HttpMetrics metrics) {
        this.vertx = vertx;
        this.deploymentId = deploymentId;
        this.verticle = verticle;
        this.metrics = metrics;
    }

    /**
     * Reads the TLS material, deploys the server verticle and listens.
     *
     * @param vertx the Vert.x instance to run on
     * @param config the node's configuration; port 0 picks a free port
     * @param directory the organisations whose members may call
     * @return the running server, or a failed future (a {@link ConfigException} for unusable TLS
     *     material, an I/O error if the port is taken)
     */
    public static Future<NodeServer> start(Vertx vertx, NodeConfig config,
            OrganisationDirectory directory) {
        return start(vertx, config, directory, NodeServices.none());
    }

    /**
     * Starts a node on a ledger: as {@link #start(Vertx, NodeConfig, OrganisationDirectory)}, with
     * the data routes served from {@code services}.
     *
     * @param vertx the Vert.x instance to run on
     * @param config the node's configuration
     * @param directory the organisations, usually a {@code LedgerOrganisationDirectory}
     * @param services the ledger, the node identity and the data request service
     * @return the running server, or a failed future
     */
    public static Future<NodeServer> start(Vertx vertx, NodeConfig config,
            OrganisationDirectory directory, NodeServices services) {
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(directory, "directory");
        HttpServerOptions options;
        try {
            options = ServerOptions.create(config, directory);
        } catch (ConfigException e) {
            return Future.failedFuture(e);
        }
        HttpMetrics metrics = new HttpMetrics();
        NonceCache nonces = new NonceCache(config.auth().nonceCacheSize());
        metrics.replayCacheSize(nonces::size);
        services.dataRequestPhasesIfAny().ifPresent(metrics::dataRequestPhases);
        NodeVerticle verticle = new NodeVerticle(config, options, directory, metrics, nonces, services);
        return vertx.deployVerticle(verticle)
                .map(id -> new NodeServer(vertx, id, verticle, metrics));
    }

    /**
     * The port the server listens on, the real one when the configuration said 0.
     *
     * @return the TCP port
     */
    public int port() {
        return verticle.actualPort();
    }

    /**
     * The server's metrics.
     *
     * @return the registry {@code /metrics} shows
     */
    public HttpMetrics metrics() {
        return metrics;
    }

    /**
     * Stops listening; the Vert.x instance stays up.
     *
     * @return completes when the server is closed
     */
    public Future<Void> stop() {
        return vertx.undeploy(deploymentId);
    }

    /**
     * The node's version, from the jar manifest.
     *
     * @return e.g. {@code 0.1.0-SNAPSHOT}, or {@code dev} when run from classes
     */
    public static String version() {
        String version = NodeServer.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
