package org.qcchain.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class CliTest extends CommandLineTest {

    @Test
    void lists_every_command_on_help() {
        assertThat(run(Map.of(), "--help")).isZero();

        assertThat(out()).contains("Usage: qcchain <command>", "start", "demo", "verify", "import", "compact");
    }

    @ParameterizedTest
    @ValueSource(strings = {"start", "demo", "verify", "import", "compact"})
    void prints_help_for_each_command(String command) {
        assertThat(run(Map.of(), command, "--help")).isZero();

        assertThat(out()).startsWith("Usage: qcchain " + command);
    }

    @Test
    void start_help_lists_the_environment_overrides() {
        run(Map.of(), "start", "--help");

        assertThat(out()).contains("QCCHAIN_HTTP_PORT", "http.port", "QCCHAIN_TLS_CLIENT_AUTH");
    }

    @Test
    void demo_refuses_a_folder_it_did_not_make(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws java.io.IOException {
        java.nio.file.Files.writeString(folder.resolve("precious.txt"), "keep me");

        assertThat(run(Map.of(), "demo", "--data", folder.toString())).isEqualTo(ExitCodes.USAGE);

        assertThat(err()).contains("not a demo folder");
        assertThat(folder.resolve("precious.txt")).exists();
    }

    @Test
    void every_data_folder_command_refuses_a_folder_whose_path_a_database_url_cannot_hold(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) {
        String data = folder.resolve("qc;chain").toString();

        assertThat(run(Map.of(), "demo", "--data", data)).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("must not hold ';'");
        assertThat(folder.resolve("qc;chain")).doesNotExist();
        assertThat(run(Map.of(), "verify", "--data", data)).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("must not hold ';'");
        assertThat(run(Map.of("QCCHAIN_DATA_DIR", data), "start")).isEqualTo(ExitCodes.CONFIG);
        assertThat(err()).contains("must not hold ';'");
    }

    @Test
    void refuses_an_unknown_command_or_no_command() {
        assertThat(run(Map.of(), "launch")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("unknown command 'launch'");
        assertThat(run(Map.of())).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void start_refuses_an_unusable_configuration_without_starting() {
        assertThat(run(Map.of("QCCHAIN_HTTP_PORT", "-1"), "start")).isEqualTo(ExitCodes.CONFIG);
        assertThat(err()).contains("http.port must be between 0 and 65535");
    }

    @Test
    void start_refuses_unexpected_arguments() {
        assertThat(run(Map.of(), "start", "--port", "80")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("unexpected argument '--port'");
    }
}
