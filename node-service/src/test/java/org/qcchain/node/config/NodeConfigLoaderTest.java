package org.qcchain.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.common.crypto.CryptoSuite;

@Timeout(10)
class NodeConfigLoaderTest {

    @TempDir
    Path folder;

    Path file(String json) throws IOException {
        return Files.writeString(folder.resolve("node.json"), json);
    }

    @Test
    void uses_the_embedded_defaults_without_file_or_environment() throws Exception {
        NodeConfig config = NodeConfigLoader.load(null, Map.of());

        assertThat(config).isEqualTo(NodeConfig.defaults());
        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.ledger().backend()).isEqualTo("embedded");
        assertThat(config.limits().maxBodyBytes()).isEqualTo(1024 * 1024);
    }

    @Test
    void merges_the_file_over_the_defaults_and_the_environment_over_the_file() throws Exception {
        Path file = file("{\"http\":{\"port\":9000},\"cryptoSuite\":\"SM2_SM3\","
                + "\"limits\":{\"maxPageSize\":100}}");

        NodeConfig config = NodeConfigLoader.load(file,
                Map.of("QCCHAIN_HTTP_PORT", "9443", "QCCHAIN_DATA_DIR", "/var/lib/qcchain"));

        assertThat(config.http().port()).isEqualTo(9443);
        assertThat(config.http().host()).isEqualTo("127.0.0.1");
        assertThat(config.cryptoSuite()).isEqualTo(CryptoSuite.SM2_SM3);
        assertThat(config.limits().maxPageSize()).isEqualTo(100);
        assertThat(config.limits().defaultPageSize()).isEqualTo(50);
        assertThat(config.dataDir()).isEqualTo("/var/lib/qcchain");
    }

    @Test
    void refuses_an_unknown_key_naming_it() throws IOException {
        Path file = file("{\"http\":{\"prot\":9000}}");

        assertThatThrownBy(() -> NodeConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("node.json")
                .hasMessageContaining("unknown field 'http.prot'");
    }

    @Test
    void refuses_a_value_of_the_wrong_type() throws IOException {
        Path file = file("{\"http\":{\"port\":\"9000\"}}");

        assertThatThrownBy(() -> NodeConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.port")
                .hasMessageContaining("expected an integer");
    }

    @Test
    void refuses_a_value_out_of_range() throws IOException {
        Path file = file("{\"http\":{\"port\":70000}}");

        assertThatThrownBy(() -> NodeConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.port must be between 0 and 65535, was 70000");
    }

    @Test
    void refuses_an_environment_value_that_does_not_fit_its_key() {
        assertThatThrownBy(() -> NodeConfigLoader.load(null, Map.of("QCCHAIN_HTTP_PORT", "eighty")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("QCCHAIN_HTTP_PORT must be an integer, was 'eighty'");
    }

    @Test
    void the_bulk_upload_limit_comes_from_the_environment_over_the_file() throws Exception {
        Path file = file("{\"limits\":{\"maxBulkBodyBytes\":2097152}}");

        NodeConfig fromFile = NodeConfigLoader.load(file, Map.of());
        NodeConfig fromEnvironment = NodeConfigLoader.load(file,
                Map.of("QCCHAIN_MAX_BULK_BODY_BYTES", " 268435456 "));

        assertThat(fromFile.limits().maxBulkBodyBytes()).isEqualTo(2 * 1024 * 1024);
        assertThat(fromEnvironment.limits().maxBulkBodyBytes()).isEqualTo(256 * 1024 * 1024);
        assertThat(fromEnvironment.limits().maxBodyBytes()).isEqualTo(1024 * 1024);
    }

    @Test
    void checks_the_bulk_upload_limit_from_the_environment_like_the_files() {
        assertThatThrownBy(() -> NodeConfigLoader.load(null, Map.of("QCCHAIN_MAX_BULK_BODY_BYTES", "64MiB")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("QCCHAIN_MAX_BULK_BODY_BYTES must be an integer, was '64MiB'");
        assertThatThrownBy(() -> NodeConfigLoader.load(null, Map.of("QCCHAIN_MAX_BULK_BODY_BYTES", "4096")))
                .as("below limits.maxBodyBytes")
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("with environment overrides")
                .hasMessageContaining("limits.maxBulkBodyBytes must be between 1048576 and 1073741824, was 4096");
        assertThatThrownBy(() -> NodeConfigLoader.load(null,
                Map.of("QCCHAIN_MAX_BULK_BODY_BYTES", "1073741825")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("limits.maxBulkBodyBytes must be between 1048576 and 1073741824, was 1073741825");
    }

    @Test
    void the_bulk_upload_limit_is_checked_against_the_request_limit_of_the_environment() {
        assertThatThrownBy(() -> NodeConfigLoader.load(null, Map.of("QCCHAIN_MAX_BODY_BYTES", "4194304",
                "QCCHAIN_MAX_BULK_BODY_BYTES", "2097152")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("limits.maxBulkBodyBytes must be between 4194304 and 1073741824, was 2097152");
    }

    @Test
    void refuses_a_data_folder_whose_path_a_database_url_cannot_hold() {
        assertThatThrownBy(() -> NodeConfigLoader.load(null, Map.of("QCCHAIN_DATA_DIR", "/srv/qc;chain")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("dataDir '/srv/qc;chain' must not hold ';'");
    }

    @Test
    void takes_where_verify_replays_from_the_environment_and_refuses_what_it_cannot_be() throws Exception {
        assertThat(NodeConfigLoader.load(null, Map.of()).ledger().verifyReplay()).isEqualTo("auto");
        assertThat(NodeConfigLoader.load(null, Map.of("QCCHAIN_LEDGER_VERIFY_REPLAY", "file")).ledger().verifyReplay())
                .isEqualTo("file");
        assertThatThrownBy(() -> NodeConfigLoader.load(null, Map.of("QCCHAIN_LEDGER_VERIFY_REPLAY", "disk")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ledger.verifyReplay must be auto, heap or file, was disk");
    }

    @Test
    void refuses_client_authentication_without_tls() {
        assertThatThrownBy(() -> NodeConfigLoader.load(null,
                Map.of("QCCHAIN_TLS_CLIENT_AUTH", "REQUIRED")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tls.clientAuth REQUIRED needs tls.enabled true");
    }

    @Test
    void refuses_malformed_json_and_unreadable_files() throws IOException {
        Path malformed = file("{\"http\":");

        assertThatThrownBy(() -> NodeConfigLoader.load(malformed, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> NodeConfigLoader.load(folder.resolve("missing.json"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cannot read config file");
    }
}
