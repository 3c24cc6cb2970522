package org.qcchain.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;

/**
 * A node killed with SIGKILL in the middle of committing: reopened, its ledger verifies and holds
 * every transaction it had acknowledged. The test waits for a number of acknowledgements, not for
 * a time.
 */
class CrashRecoveryTest {

    private static final int ACKNOWLEDGEMENTS_BEFORE_KILL = 150;

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void a_killed_node_reopens_verified_with_every_acknowledged_transaction(CryptoSuite suite) throws Exception {
        TestPlatform platform = new TestPlatform(suite);
        Path keys = Files.createDirectories(folder.resolve("keys"));
        write(keys, "node", platform.node);
        write(keys, "bureau", platform.bureau.client);
        Files.writeString(keys.resolve("bureau-ca.crt"), platform.bureau.caPem());
        Path ledgerFolder = folder.resolve("ledger");

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingNode.class.getName(),
                ledgerFolder.toString(), suite.name(), keys.toString())
                .redirectError(folder.resolve("child.err").toFile())
                .start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < ACKNOWLEDGEMENTS_BEFORE_KILL && (line = out.readLine()) != null) {
                acknowledged.add(line.substring("ACK ".length()));
            }
            child.destroyForcibly();
            child.waitFor();
        }
        assertThat(acknowledged).as("child stderr: %s", Files.exists(folder.resolve("child.err"))
                ? Files.readString(folder.resolve("child.err")) : "").hasSize(ACKNOWLEDGEMENTS_BEFORE_KILL);

        try (EmbeddedLedger ledger = EmbeddedLedger.open(ledgerFolder, platform.options(
                CrashingNode.membership(platform.bureau.caPem()), 100, Duration.ofMillis(5)))) {
            VerificationReport report = ledger.verify(ProgressListener.NONE);
            assertThat(report.validTransactions()).isGreaterThanOrEqualTo(ACKNOWLEDGEMENTS_BEFORE_KILL);
            for (String txId : acknowledged) {
                assertThat(ledger.transaction(txId)).as(txId)
                        .hasValueSatisfying(tx -> assertThat(tx.isValid()).isTrue());
            }
        }
    }

    private static void write(Path keys, String name, Identity identity) throws Exception {
        Files.writeString(keys.resolve(name + ".crt"), identity.certificatePem());
        Files.writeString(keys.resolve(name + ".key"), identity.privateKeyPem());
    }
}
