package org.qcchain.node.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.io.DurableFiles;
import org.qcchain.node.config.NodeConfig;
import org.qcchain.node.demo.DemoPlatform;
import org.qcchain.node.demo.TryRequest;
import org.qcchain.node.http.NodeServer;

/**
 * {@code qcchain demo}: builds a fresh demo platform ({@link DemoPlatform}) in the data folder,
 * starts the node's HTTP API on it and prints how to try a request. Blocks until stopped.
 */
final class DemoCommand implements Command {

    /** Marks a folder the demo made, so that only such a folder is ever wiped. */
    static final String MARKER = ".qcchain-demo";

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "start a node on the embedded ledger with demo organisations and data";
    }

    @Override
    public String help() {
        return "Usage: qcchain demo [--data DIR] [--records N] [--port P] [--seed S] [--suite SUITE]\n\n"
                + "Creates a fresh demo platform in DIR (default ./data/demo; a folder of an earlier\n"
                + "demo is replaced, any other non-empty folder is refused): CAs and certificates for\n"
                + "13 organisations, the embedded ledger with organisations, catalogue, agreements\n"
                + "and consents registered through the chaincode, N synthetic records (default\n"
                + "42000) imported and anchored; then serves the API on 127.0.0.1:P (default 8080).\n"
                + "SUITE is P256_SHA256 (default) or SM2_SM3 (SM2 keys and signatures, SM3 hashes).\n";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
        Path data = Path.of("data", "demo");
        int records = 42_000;
        int port = 8080;
        long seed = 20260302L;
        CryptoSuite suite = CryptoSuite.P256_SHA256;
        try {
            for (int i = 0; i < args.size(); i += 2) {
                String value = i + 1 < args.size() ? args.get(i + 1) : null;
                if (value == null) {
                    throw new IllegalArgumentException(args.get(i) + " needs a value");
                }
                switch (args.get(i)) {
                    case "--data" -> data = Path.of(value);
                    case "--records" -> records = Integer.parseInt(value);
                    case "--port" -> port = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--suite" -> suite = CryptoSuite.fromName(value);
                    default -> throw new IllegalArgumentException("unknown option " + args.get(i));
                }
            }
            prepare(data);
        } catch (IllegalArgumentException | IOException e) {
            err.println("qcchain demo: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            return serve(DemoPlatform.create(data, records, seed, suite, out), data, port, suite, out, err);
        } catch (Exception e) {
            err.println("qcchain demo: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    static void prepare(Path data) throws IOException {
        NodeConfig.requireUsableDataDir(data.toString());
        if (Files.isDirectory(data) && !Files.exists(data.resolve(MARKER))) {
            try (Stream<Path> entries = Files.list(data)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(data + " is not empty and not a demo folder; "
                            + "choose another with --data");
                }
            }
        }
        if (Files.exists(data)) {
            try (Stream<Path> all = Files.walk(data)) {
                for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(data);
        // forced before anything else is written: a folder with demo files but no marker would be refused next time
        DurableFiles.create(data.resolve(MARKER),
                "made by qcchain demo; deleted by the next demo run\n".getBytes(StandardCharsets.UTF_8),
                DurableFiles.Access.DEFAULT);
    }

    private static int serve(DemoPlatform demo, Path data, int port, CryptoSuite suite, PrintStream out,
            PrintStream err) {
        NodeConfig d = NodeConfig.defaults();
        NodeConfig config = new NodeConfig(data.toString(), new NodeConfig.Http("127.0.0.1", port), d.tls(),
                suite, new NodeConfig.Ledger("embedded"), d.limits(), d.auth(), List.of());
        return Serving.untilStopped("demo", config, demo.platform(), err, server -> {
            String url = "http://127.0.0.1:" + server.port();
            out.println();
            out.println("qcchain demo node listening on " + url + " (ledger height " + demo.ledger().height() + ")");
            out.println("try a signed bank request (泉城链+普惠金融) and check its proofs:");
            out.println("  java -cp node-service/target/qcchain-node-service-" + NodeServer.version()
                    + "-all.jar " + TryRequest.class.getName() + " --data " + data + " --url " + url);
            out.println("certificates and keys: " + data.resolve("msp") + "; stop with Ctrl-C");
            out.println("restart on the same data later with: QCCHAIN_DATA_DIR=" + data + " QCCHAIN_HTTP_PORT=" + port
                    + (suite == CryptoSuite.P256_SHA256 ? "" : " QCCHAIN_CRYPTO_SUITE=" + suite.name())
                    + " node-service/bin/qcchain start");
        });
    }
}
