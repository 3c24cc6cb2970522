package org.qcchain.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * This module's Fabric network brought up for an integration test: {@code network.sh up} and
 * {@code deploy} from the Fabric release binaries in {@code FABRIC_BIN}, in a working folder of the
 * test's, and the members as cryptogen laid them out there ({@code
 * organizations/peerOrganizations/<org>.qcchain.example}). Published in this module's test jar, so
 * that every module's Fabric test runs the network the same way and finds the same files:
 *
 * <pre>{@code
 * Optional<String> fabricBin = FabricTestNetwork.fabricBin();
 * assumeTrue(fabricBin.isPresent(), "FABRIC_BIN not set: skipping ...");
 * FabricTestNetwork network = FabricTestNetwork.fromSystemProperties(work, fabricBin.get());
 * network.up();
 * try {
 *     Path bankMsp = network.userMsp("bank");
 *     ...
 * } finally {
 *     network.down();
 * }
 * }</pre>
 *
 * <p>A script that fails or hangs ends in an exception quoting the end of its log, which stays in
 * the working folder ({@code network-<command>.log}).
 */
public final class FabricTestNetwork {

    /** The channel {@code network.sh} creates. */
    public static final String CHANNEL = "datashare";
    /** The name {@code network.sh deploy} gives the chaincode. */
    public static final String CHAINCODE = "qcchain";
    /** The Bureau's peer, the gateway of the members that run none (the node's gateway too). */
    public static final String BUREAU_GATEWAY = "127.0.0.1:7051";
    /** The domain of every organisation's folder and host names. */
    public static final String DOMAIN = "qcchain.example";

    /** The system properties the module's pom sets for Failsafe. */
    static final String SCRIPT_PROPERTY = "network.script";
    static final String JAR_PROPERTY = "ccaas.jar";
    static final String LOGS_PROPERTY = "network.logs";

    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration STOP = Duration.ofMinutes(1);

    private final Path script;
    private final Path work;
    private final String fabricBin;
    private final Path chaincodeJar;
    private final Path keptLogs;

    private FabricTestNetwork(Path script, Path work, String fabricBin, Path chaincodeJar, Path keptLogs) {
        this.script = script;
        this.work = work;
        this.fabricBin = fabricBin;
        this.chaincodeJar = chaincodeJar;
        this.keptLogs = keptLogs;
    }

    /**
     * The Fabric binaries to run the network with, if the environment names them: a test skips
     * (with the reason) where there are none, as on CI.
     *
     * @return the folder in {@code FABRIC_BIN}, or empty if unset or blank
     */
    public static Optional<String> fabricBin() {
        String fabricBin = System.getenv("FABRIC_BIN");
        return fabricBin == null || fabricBin.isBlank() ? Optional.empty() : Optional.of(fabricBin);
    }

    /**
     * The network of the script and chaincode jar the pom names in the system properties {@code
     * network.script} and {@code ccaas.jar}; {@code network.logs}, if set, is where {@link #down}
     * copies the nodes' logs for a look after a failure.
     *
     * @param work an empty folder of the test's, for crypto material, ledgers and logs
     * @param fabricBin the Fabric binaries, from {@link #fabricBin()}
     * @return the network, not yet up
     * @throws IllegalStateException if a property is missing or names no file
     */
    public static FabricTestNetwork fromSystemProperties(Path work, String fabricBin) {
        Path script = requiredFile(SCRIPT_PROPERTY, "the network script, network-config/network.sh");
        Path jar = requiredFile(JAR_PROPERTY, "the chaincode's ccaas jar (mvn -pl chaincode -am package)");
        String logs = System.getProperty(LOGS_PROPERTY);
        return new FabricTestNetwork(script, work, fabricBin, jar, logs == null || logs.isBlank() ? null
                : Path.of(logs));
    }

    /**
     * Starts the orderer and the peers, creates the channel and deploys the chaincode.
     *
     * @throws IllegalStateException if a step fails or takes longer than three minutes
     */
    public void up() throws IOException, InterruptedException {
        run("up", START);
        run("deploy", START);
    }

    /**
     * Stops every process of the network, then keeps the logs if {@code network.logs} is set, even
     * when stopping failed.
     */
    public void down() throws IOException, InterruptedException {
        try {
            run("down", STOP);
        } finally {
            if (keptLogs != null) {
                keepLogs(keptLogs);
            }
        }
    }

    /**
     * Runs {@code network.sh --work <work> --jar <jar> <command>} and waits for it to succeed.
     *
     * @param command {@code up}, {@code deploy}, {@code down} or {@code status}
     * @param timeout how long it may take
     * @throws IllegalStateException quoting the end of its log, if it fails or does not finish in time
     */
    public void run(String command, Duration timeout) throws IOException, InterruptedException {
        Path log = work.resolve("network-" + command + ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", script.toString(), "--work", work.toString(),
                "--jar", chaincodeJar.toString(), command)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("FABRIC_BIN", fabricBin);
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("network.sh " + command + " did not finish within " + timeout + ":\n"
                    + tail(log));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("network.sh " + command + " failed with status " + process.exitValue()
                    + ":\n" + tail(log));
        }
    }

    /**
     * @param org the organisation's short name, e.g. {@code bank}
     * @return the MSP folder ({@code signcerts/}, {@code keystore/}) of its first user
     */
    public Path userMsp(String org) {
        return organisation(org).resolve("users/User1@" + org + "." + DOMAIN + "/msp");
    }

    /** @return the PEM certificate of the organisation's first user */
    public String userCertificatePem(String org) {
        return firstFileIn(userMsp(org).resolve("signcerts"));
    }

    /** @return the PEM private key of the organisation's first user */
    public String userPrivateKeyPem(String org) {
        return firstFileIn(userMsp(org).resolve("keystore"));
    }

    /** @return the PEM certificate of the CA that issues the organisation's identities */
    public String caPem(String org) {
        return firstFileIn(organisation(org).resolve("msp/cacerts"));
    }

    /**
     * @return the PEM of the CA that issues the orderer nodes of organisation {@code org}, from its
     *     {@code ordererOrganizations} folder (the Bureau's orderers share the Bureau's CA)
     */
    public String ordererCaPem(String org) {
        return firstFileIn(work.resolve("organizations/ordererOrganizations/" + org + "." + DOMAIN + "/msp/cacerts"));
    }

    /** @return the TLS root the organisation's peer is checked against by a gateway client */
    public Path peerTlsRoot(String org) {
        return organisation(org).resolve("peers/peer0." + org + "." + DOMAIN + "/tls/ca.crt");
    }

    private Path organisation(String org) {
        return work.resolve("organizations/peerOrganizations/" + org + "." + DOMAIN);
    }

    /** Copies the nodes' logs out of the working folder, which the test's temporary folder deletes. */
    private void keepLogs(Path target) throws IOException {
        Files.createDirectories(target);
        for (Path folder : List.of(work, work.resolve("logs"))) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path log : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".log"))::iterator) {
                    Files.copy(log, target.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static Path requiredFile(String property, String what) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " (" + what + ") is not set; the"
                    + " module's pom sets it for Failsafe");
        }
        Path file = Path.of(value);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(what + " is missing: " + file);
        }
        return file;
    }

    private static String firstFileIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            Path file = files.filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no file in " + folder));
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
