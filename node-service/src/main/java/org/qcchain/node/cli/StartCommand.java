package org.qcchain.node.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.qcchain.node.config.ConfigException;
import org.qcchain.node.config.NodeConfig;
import org.qcchain.node.config.NodeConfigLoader;
import org.qcchain.node.http.NodeServer;
import org.qcchain.node.platform.LedgerUnreachable;
import org.qcchain.node.platform.NodePlatform;

/**
 * {@code qcchain start}: loads the configuration, opens the platform (the embedded ledger, provider
 * stores and ledger-backed organisation directory a demo or an earlier run left in the data folder;
 * or, with {@code ledger.backend} {@code fabric}, the Fabric channel through its gateway peer and
 * the data folder's provider stores), serves the API and blocks until the process is asked to stop
 * (SIGTERM, Ctrl-C). On the embedded ledger, a folder without a ledger is a configuration error
 * (78): {@code start} never creates a ledger, because a node that silently began a new chain would
 * look healthy while answering from nothing.
 */
final class StartCommand implements Command {

    @Override
    public String name() {
        return "start";
    }

    @Override
    public String summary() {
        return "start a node on the ledger and stores of its data folder";
    }

    @Override
    public String help() {
        StringBuilder text = new StringBuilder("Usage: qcchain start [--config FILE]\n\n"
                + "Opens the embedded ledger, provider stores and organisation directory in the\n"
                + "data folder (made by 'qcchain demo' or an earlier node) and serves the HTTP API.\n"
                + "With ledger.backend 'fabric' it connects to the channel of ledger.fabric through\n"
                + "its gateway peer instead (docs/fabric.md) and keeps only the provider stores and\n"
                + "platform key in the data folder. Without --config (or QCCHAIN_CONFIG) the embedded\n"
                + "defaults apply: HTTP on 127.0.0.1:8080, data in ./qcchain-data, P256_SHA256.\n"
                + "A folder without a ledger, or an unusable Fabric setting, exits with 78; a\n"
                + "Fabric gateway peer that does not answer at the start exits with 69, for a\n"
                + "service manager to start the node again later.\n\n"
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
        NodePlatform platform;
        try {
            config = NodeConfigLoader.load(file, env);
            platform = NodePlatform.open(config);
        } catch (ConfigException e) {
            err.println("qcchain start: " + e.getMessage());
            return ExitCodes.CONFIG;
        } catch (LedgerUnreachable e) {
            // nothing wrong with the node's settings: a service manager should start it again
            err.println("qcchain start: " + e.getMessage() + "; exiting with " + ExitCodes.UNAVAILABLE
                    + " so that the node is started again later");
            return ExitCodes.UNAVAILABLE;
        }
        if (platform.ledger().suite() != config.cryptoSuite()) {
            err.println("qcchain start: the ledger in " + config.dataDir() + " is of suite " + platform.ledger().suite()
                    + ", the configuration says " + config.cryptoSuite() + " (cryptoSuite, QCCHAIN_CRYPTO_SUITE)");
            platform.close();
            return ExitCodes.CONFIG;
        }
        if (!config.organisations().isEmpty()) {
            err.println("qcchain start: warning: 'organisations' of the configuration are ignored; the organisation"
                    + " directory is the one registered on the ledger");
        }
        return Serving.untilStopped(name(), config, platform, err, server -> banner(config, platform, server, out));
    }

    private static void banner(NodeConfig config, NodePlatform platform, NodeServer server, PrintStream out) {
        String scheme = config.tls().enabled() ? "https" : "http";
        out.println("qcchain node " + NodeServer.version() + " listening on " + scheme + "://"
                + config.http().host() + ":" + server.port() + " (" + config.cryptoSuite() + ", " + ledger(config)
                + ", height " + platform.ledger().height() + ")");
    }

    private static String ledger(NodeConfig config) {
        if (!config.ledger().usesFabric()) {
            return "embedded ledger in " + config.dataDir();
        }
        NodeConfig.Fabric fabric = config.ledger().fabric();
        return "Fabric channel " + fabric.channel() + " through " + fabric.gatewayEndpoint() + " as " + fabric.mspId()
                + ", stores in " + config.dataDir();
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
}
