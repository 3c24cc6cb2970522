package org.qcchain.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review's command line: help, and every bad option a usage error (64) found before the node
 * is called. The review itself runs against a real node in node-service's end-to-end tests.
 */
class AuditorReviewTest {

    @TempDir
    Path folder;

    /** The files {@code DemoFolder} looks for, so that the options are what fails. */
    private Path demoShapedFolder() throws IOException {
        Files.createDirectories(folder.resolve("msp"));
        Files.createDirectories(folder.resolve("node"));
        Files.writeString(folder.resolve("node").resolve("genesis.json"), "{}");
        Files.writeString(folder.resolve("platform.key"), "");
        return folder;
    }

    private record Run(int exit, String output) {}

    private Run run(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("--data", demoShapedFolder().toString(),
                "--endpoint", "http://127.0.0.1:9"));
        args.addAll(List.of(extra));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            exit = AuditorReview.run(args.toArray(String[]::new), out);
        }
        return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void help_lists_the_options_and_the_exit_codes() throws IOException {
        Run help = run("--help");

        assertThat(help.exit()).isZero();
        assertThat(help.output()).contains("AuditorReview [--data DIR]", "--burst-window D", "--office-hours X",
                "--completeness X", "exit codes: 0 verified");
    }

    @Test
    void bad_options_are_usage_errors_before_the_node_is_asked() throws IOException {
        assertThat(run("--office-hours", "maybe")).satisfies(run -> {
            assertThat(run.exit()).isEqualTo(64);
            assertThat(run.output()).startsWith("--office-hours must be on or off");
        });
        assertThat(run("--burst-window", "5m").output()).startsWith("--burst-window must be an ISO-8601 duration");
        assertThat(run("--burst-window", "P60D").output()).startsWith("--burst-window: burst.window must be");
        assertThat(run("--since", "yesterday").output()).startsWith("--since must be an ISO-8601 instant");
        assertThat(run("--since", "2026-03-02T00:00:00Z", "--until", "2026-03-01T00:00:00Z").output())
                .startsWith("from must be before to");
        assertThat(run("--consumer", "Bank MSP").output()).startsWith("party 'Bank MSP' must match");
        assertThat(run("--burst", "0").exit()).isEqualTo(64);
        assertThat(run("--completeness", "maybe")).satisfies(run -> {
            assertThat(run.exit()).isEqualTo(64);
            assertThat(run.output()).startsWith("--completeness must be on or off");
        });
    }
}
