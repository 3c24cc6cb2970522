package org.qcchain.node.cli;

import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.qcchain.node.config.ConfigException;
import org.qcchain.node.config.NodeConfig;
import org.qcchain.node.http.NodeServer;
import org.qcchain.node.platform.NodePlatform;

/**
 * Serves a platform's API until the process is asked to stop (SIGTERM, Ctrl-C), then closes
 * Vert.x before the platform, so that no request is still writing when the ledger closes. Shared
 * by {@code start} and {@code demo}.
 */
final class Serving {

    private Serving() {}

    /**
     * Starts the node, prints the banner and blocks until shutdown. Closes the platform in every
     * case.
     *
     * @param command the command's name, for messages
     * @param config the node's configuration
     * @param platform what the routes serve
     * @param err standard error
     * @param banner prints what the operator needs once the node listens
     * @return the exit code
     */
    static int untilStopped(String command, NodeConfig config, NodePlatform platform, PrintStream err,
            Consumer<NodeServer> banner) {
        Vertx vertx = Vertx.vertx();
        NodeServer server;
        try {
            server = NodeServer.start(vertx, config, platform.directory(), platform.services())
                    .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            err.println("qcchain " + command + ": cannot start the node: " + cause.getMessage());
            vertx.close();
            platform.close();
            return cause instanceof ConfigException ? ExitCodes.CONFIG : ExitCodes.FAILURE;
        }
        banner.accept(server);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            vertx.close().onComplete(done -> {
                platform.close();
                stopped.countDown();
            });
            awaitQuietly(stopped, 30);
        }, "qcchain-" + command + "-shutdown"));
        awaitQuietly(stopped, Long.MAX_VALUE); // until the shutdown hook has closed everything
        return ExitCodes.OK;
    }

    private static void awaitQuietly(CountDownLatch latch, long seconds) {
        try {
            latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
