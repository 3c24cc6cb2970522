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

/** The ledger.fabric section: from the file, from the environment, and what is refused. */
@Timeout(10)
class FabricConfigTest {

    private static final String SECTION = "{\"ledger\":{\"backend\":\"fabric\",\"fabric\":{"
            + "\"gatewayEndpoint\":\"127.0.0.1:7051\",\"tlsRootCertificate\":\"tls/ca.crt\","
            + "\"hostnameOverride\":\"peer0.bureau.qcchain.example\",\"channel\":\"datashare\","
            + "\"chaincode\":\"qcchain\",\"mspId\":\"BureauMSP\",\"mspDirectory\":\"users/User1/msp\"}}}";

    @TempDir
    Path folder;

    Path file(String json) throws IOException {
        return Files.writeString(folder.resolve("node.json"), json);
    }

    @Test
    void reads_the_fabric_section_of_the_file() throws Exception {
        NodeConfig config = NodeConfigLoader.load(file(SECTION), Map.of());

        NodeConfig.Fabric fabric = config.ledger().fabric();
        assertThat(config.ledger().usesFabric()).isTrue();
        assertThat(fabric.gatewayEndpoint()).isEqualTo("127.0.0.1:7051");
        assertThat(fabric.tlsRootCertificate()).isEqualTo("tls/ca.crt");
        assertThat(fabric.hostnameOverride()).isEqualTo("peer0.bureau.qcchain.example");
        assertThat(fabric.channel()).isEqualTo("datashare");
        assertThat(fabric.chaincode()).isEqualTo("qcchain");
        assertThat(fabric.mspId()).isEqualTo("BureauMSP");
        assertThat(fabric.mspDirectory()).isEqualTo("users/User1/msp");
    }

    @Test
    void the_environment_alone_can_configure_the_fabric_backend() throws Exception {
        NodeConfig config = NodeConfigLoader.load(null, Map.of(
                "QCCHAIN_LEDGER_BACKEND", "fabric",
                "QCCHAIN_FABRIC_GATEWAY_ENDPOINT", "peer0.bureau.example.cn:7051",
                "QCCHAIN_FABRIC_TLS_ROOT_CERTIFICATE", "/etc/qcchain/tlsca.pem",
                "QCCHAIN_FABRIC_CHANNEL", "datashare",
                "QCCHAIN_FABRIC_CHAINCODE", "qcchain",
                "QCCHAIN_FABRIC_MSP_ID", "BureauMSP",
                "QCCHAIN_FABRIC_MSP_DIRECTORY", "/etc/qcchain/msp"));

        assertThat(config.ledger().fabric().gatewayEndpoint()).isEqualTo("peer0.bureau.example.cn:7051");
        assertThat(config.ledger().fabric().hostnameOverride()).isNull();
        assertThat(config.ledger().fabric().mspDirectory()).isEqualTo("/etc/qcchain/msp");
    }

    @Test
    void the_environment_overrides_one_key_of_the_file_s_section() throws Exception {
        NodeConfig config = NodeConfigLoader.load(file(SECTION), Map.of("QCCHAIN_FABRIC_CHANNEL", "otherchannel"));

        assertThat(config.ledger().fabric().channel()).isEqualTo("otherchannel");
        assertThat(config.ledger().fabric().mspId()).isEqualTo("BureauMSP");
    }

    @Test
    void every_fabric_variable_is_listed_for_the_help_text() {
        assertThat(NodeConfigLoader.environmentVariables()).containsEntry("QCCHAIN_FABRIC_GATEWAY_ENDPOINT",
                "/ledger/fabric/gatewayEndpoint").containsKeys("QCCHAIN_FABRIC_TLS_ROOT_CERTIFICATE",
                "QCCHAIN_FABRIC_HOSTNAME_OVERRIDE", "QCCHAIN_FABRIC_CHANNEL", "QCCHAIN_FABRIC_CHAINCODE",
                "QCCHAIN_FABRIC_MSP_ID", "QCCHAIN_FABRIC_MSP_DIRECTORY");
    }

    @Test
    void refuses_the_fabric_backend_with_the_sm2_suite() throws IOException {
        Path file = file(SECTION.substring(0, SECTION.length() - 1) + ",\"cryptoSuite\":\"SM2_SM3\"}");

        assertThatThrownBy(() -> NodeConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ledger.backend fabric needs cryptoSuite P256_SHA256, was SM2_SM3")
                .hasMessageContaining("ECDSA P-256 only");
    }

    @Test
    void refuses_the_fabric_backend_without_its_section() {
        assertThatThrownBy(() -> NodeConfigLoader.load(null, Map.of("QCCHAIN_LEDGER_BACKEND", "fabric")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ledger.fabric must be set when ledger.backend is fabric");
    }

    @Test
    void refuses_a_section_missing_a_key_naming_it() throws IOException {
        Path file = file(SECTION.replace("\"mspDirectory\":\"users/User1/msp\"", "\"mspDirectory\":\"\""));

        assertThatThrownBy(() -> NodeConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ledger.fabric.mspDirectory must be set");
    }

    @Test
    void refuses_an_endpoint_without_a_port() throws IOException {
        Path file = file(SECTION.replace("127.0.0.1:7051", "peer0.bureau"));

        assertThatThrownBy(() -> NodeConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ledger.fabric.gatewayEndpoint must be host:port, was peer0.bureau");
    }

    @Test
    void refuses_an_unknown_key_in_the_section() throws IOException {
        Path file = file(SECTION.replace("\"channel\"", "\"ordererEndpoint\":\"127.0.0.1:7050\",\"channel\""));

        assertThatThrownBy(() -> NodeConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown field 'ledger.fabric.ordererEndpoint'");
    }

    @Test
    void the_embedded_backend_ignores_a_fabric_section_left_in_the_file() throws Exception {
        NodeConfig config = NodeConfigLoader.load(file(SECTION), Map.of("QCCHAIN_LEDGER_BACKEND", "embedded"));

        assertThat(config.ledger().usesFabric()).isFalse();
        assertThat(config.ledger().fabric().channel()).isEqualTo("datashare");
    }
}
