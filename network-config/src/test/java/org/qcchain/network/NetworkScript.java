package org.qcchain.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code network.sh} run as a child process on one working folder: its output goes to a log file
 * in that folder, and a failure or a hang ends in an exception that quotes the end of that log.
 */
final class NetworkScript {
    private final Path script;
    private final Path work;
    private final String fabricBin;
    private final Path chaincodeJar;

    NetworkScript(Path script, Path work, String fabricBin, Path chaincodeJar) {
        this.script = script;
        this.work = work;
        this.fabricBin = fabricBin;
        this.chaincodeJar = chaincodeJar;
    }

    /** Runs {@code network.sh --work <work> --jar <jar> <command>} and waits for it to succeed. */
    void run(String command, Duration timeout) throws IOException, InterruptedException {
        Path log = work.resolve("network-" + command + ".log");
        List<String> cli = new ArrayList<>(List.of("bash", script.toString(), "--work", work.toString(), "--jar",
                chaincodeJar.toString(), command));
        ProcessBuilder builder = new ProcessBuilder(cli).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("FABRIC_BIN", fabricBin);
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("network.sh " + command + " did not finish within " + timeout
                    + ":\n" + tail(log));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("network.sh " + command + " failed with status " + process.exitValue()
                    + ":\n" + tail(log));
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
