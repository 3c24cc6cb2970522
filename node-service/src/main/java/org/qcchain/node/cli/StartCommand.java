package org.qcchain.node.cli;

import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.qcchain.node.auth.OrganisationDirectory;
import org.qcchain.node.config.ConfigException;
import org.qcchain.node.config.NodeConfig;
import org.qcchain.node.config.NodeConfigLoader;
import org.qcchain.node.config.OrganisationFiles;
import org.qcchain.node.http.NodeServer;

/**
 * {@code qcchain start}: loads the configuration, serves the API and blocks until the process is
 * asked to stop (SIGTERM, Ctrl-C), then closes Vert.x.
 */
final class StartCommand implements Command {

    @Override
    public String name() {
        return "start";
    }

    @Override
    public String summary() {
        return "start a node: the HTTP API with health, metrics and the OpenAPI contract";
    }

    @Override
    public String help() {
        StringBuilder text = new StringBuilder("Usage: qcchain start [--config FILE]\n\n"
                + "Starts the node's HTTP API. Without --config (or QCCHAIN_CONFIG) the embedded\n"
                + "defaults apply: HTTP on 127.0.0.1:8080, data in ./qcchain-data, P256_SHA256.\n\n"
                + "Options:\n  --config FILE   JSON configuration file (see docs/api.md)\n\n"
                + "Environment overrides:\n");
        NodeConfigLoader.environmentVariables().forEach((variable, key) ->
                text.append(String.format("  %-31s %s%n", variable, key.substring(1).replace('/', '.'))));
        return text.toString();
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
        Path file;
        try {
            file = configFile(args, env);
        } catch (IllegalArgumentException e) {
            err.println("qcchain start: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        NodeConfig config;
        OrganisationDirectory directory;
        try {
            config = NodeConfigLoader.load(file, env);
            directory = OrganisationFiles.directory(config);
        } catch (ConfigException e) {
            err.println("qcchain start: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        return serve(config, directory, out, err);
    }

    private static int serve(NodeConfig config, OrganisationDirectory directory, PrintStream out,
            PrintStream err) {
        Vertx vertx = Vertx.vertx();
        NodeServer server;
        try {
            server = NodeServer.start(vertx, config, directory).toCompletionStage()
                    .toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            err.println("qcchain start: cannot start the node: " + cause.getMessage());
            vertx.close();
            return cause instanceof ConfigException ? ExitCodes.CONFIG : ExitCodes.FAILURE;
        }
        String scheme = config.tls().enabled() ? "https" : "http";
        out.println("qcchain node " + NodeServer.version() + " listening on " + scheme + "://"
                + config.http().host() + ":" + server.port() + " (" + config.cryptoSuite() + ", "
                + config.ledger().backend() + " ledger not connected yet)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            vertx.close().onComplete(done -> stopped.countDown());
            awaitQuietly(stopped);
        }, "qcchain-shutdown"));
        try {
            stopped.await(); // until the shutdown hook has closed Vert.x
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    static Path configFile(List<String> args, Map<String, String> env) {
        String file = env.get("QCCHAIN_CONFIG");
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--config") && i + 1 < args.size()) {
                file = args.get(++i);
            } else if (arg.startsWith("--config=")) {
                file = arg.substring("--config=".length());
            } else {
                throw new IllegalArgumentException("unexpected argument '" + arg
                        + "'; see qcchain start --help");
            }
        }
        return file == null || file.isBlank() ? null : Path.of(file);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
