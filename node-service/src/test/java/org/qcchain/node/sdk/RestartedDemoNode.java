package org.qcchain.node.sdk;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.node.config.NodeConfig;
import org.qcchain.node.demo.DemoPlatform;
import org.qcchain.node.http.NodeServer;
import org.qcchain.node.platform.NodePlatform;

/**
 * A node as a user runs it after {@code qcchain demo}: a small demo folder made and closed, then
 * opened again the way {@code qcchain start} opens it (a restart), serving on a loopback port.
 * Shared by the tests that drive the node through the client SDK.
 */
final class RestartedDemoNode implements AutoCloseable {
    final Path folder;
    final String citizen0;
    final String citizen1;
    final String citizen3;
    private final NodePlatform platform;
    private final Vertx vertx;
    private final NodeServer server;

    private RestartedDemoNode(Path folder, String[] citizens, NodePlatform platform, Vertx vertx, NodeServer server) {
        this.folder = folder;
        this.citizen0 = citizens[0];
        this.citizen1 = citizens[1];
        this.citizen3 = citizens[3];
        this.platform = platform;
        this.vertx = vertx;
        this.server = server;
    }

    static RestartedDemoNode start(Path folder) throws Exception {
        String[] citizens = new String[4];
        try (DemoPlatform demo = DemoPlatform.create(folder, 700, 7L, new PrintStream(OutputStream.nullOutputStream()))) {
            for (int i = 0; i < citizens.length; i++) {
                citizens[i] = demo.subject(i);
            }
        }
        NodePlatform platform = NodePlatform.open(folder);
        Vertx vertx = Vertx.vertx();
        NodeDefaults defaults = new NodeDefaults(folder);
        NodeServer server = await(NodeServer.start(vertx, defaults.config(), platform.directory(), platform.services()));
        // the platform's services hold the pseudonymizer: the subject routes (the safe-box) work too
        return new RestartedDemoNode(folder, citizens, platform, vertx, server);
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        await(vertx.close());
        platform.close();
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The node's configuration: defaults, the demo folder, a free loopback port. */
    private record NodeDefaults(Path folder) {
        NodeConfig config() {
            NodeConfig d = NodeConfig.defaults();
            return new NodeConfig(folder.toString(), new NodeConfig.Http("127.0.0.1", 0), d.tls(),
                    CryptoSuite.P256_SHA256, d.ledger(), d.limits(), d.auth(), List.of());
        }
    }
}
