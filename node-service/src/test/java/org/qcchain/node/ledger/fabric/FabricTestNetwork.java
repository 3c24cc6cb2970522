package org.qcchain.node.ledger.fabric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.qcchain.node.config.ConfigException;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.platform.IdentityFiles;

/**
 * The Fabric network of {@code network-config/network.sh} run in a working folder, and its
 * members as cryptogen laid them out there ({@code organizations/peerOrganizations/<org>.qcchain.example}):
 * each organisation's first user (MSP folder), its root CA, and the Bureau's gateway peer.
 */
final class FabricTestNetwork {

    static final String CHANNEL = "datashare";
    static final String CHAINCODE = "qcchain";
    static final String GATEWAY = "127.0.0.1:7051";
    private static final String DOMAIN = "qcchain.example";

    private final Path script;
    private final Path work;
    private final String fabricBin;
    private final Path chaincodeJar;

    FabricTestNetwork(Path script, Path work, String fabricBin, Path chaincodeJar) {
        this.script = script;
        this.work = work;
        this.fabricBin = fabricBin;
        this.chaincodeJar = chaincodeJar;
    }

    /** Runs {@code network.sh --work <work> --jar <jar> <command>}; a failure quotes the end of its log. */
    void run(String command, Duration timeout) throws IOException, InterruptedException {
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

    /** @return the first user of organisation {@code org} (e.g. {@code bank}), as {@code mspId} */
    LedgerIdentity user(String mspId, String org) throws ConfigException {
        return IdentityFiles.fromMspFolder(mspId, userMsp(org));
    }

    Path userMsp(String org) {
        return orgDir(org).resolve("users/User1@" + org + "." + DOMAIN + "/msp");
    }

    /** @return the PEM of the CA that issues the organisation's identities */
    String caPem(String org) {
        return firstPem(orgDir(org).resolve("msp/cacerts"));
    }

    private static String firstPem(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return Files.readString(files.filter(Files::isRegularFile).findFirst().orElseThrow(),
                    StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return the PEM of the CA that issues the orderer nodes of organisation {@code org}, from its
     *     {@code ordererOrganizations} folder (the Bureau's orderers share the Bureau's CA)
     */
    String ordererCaPem(String org) {
        return firstPem(work.resolve("organizations/ordererOrganizations/" + org + "." + DOMAIN + "/msp/cacerts"));
    }

    /** @return the TLS root the Bureau's gateway peer is checked against */
    Path gatewayTlsRoot() {
        return orgDir("bureau").resolve("peers/peer0.bureau." + DOMAIN + "/tls/ca.crt");
    }

    /** Copies the nodes' logs out of the working folder, for a look after a failure. */
    void keepLogs(Path target) throws IOException {
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

    private Path orgDir(String org) {
        return work.resolve("organizations/peerOrganizations/" + org + "." + DOMAIN);
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
