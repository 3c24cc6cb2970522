package org.qcchain.node.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qcchain.node.http.TestNode.assertProblem;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.crypto.Pem;
import org.qcchain.node.config.ClientAuthMode;
import org.qcchain.node.config.NodeConfig;

@ExtendWith(VertxExtension.class)
@Timeout(30)
class MutualTlsTest {

    static TestNetwork network;

    @TempDir
    Path folder;

    @BeforeAll
    static void certificates() {
        network = new TestNetwork();
    }

    TestNode start(Vertx vertx, Identity clientTls) throws IOException {
        Path certificate = Files.writeString(folder.resolve("node.pem"), network.server.certificatePem());
        Path key = Files.writeString(folder.resolve("node.key"), network.server.privateKeyPem());
        NodeConfig plain = TestNode.plainConfig();
        NodeConfig config = new NodeConfig(plain.dataDir(), plain.http(),
                new NodeConfig.Tls(true, certificate.toString(), key.toString(), ClientAuthMode.REQUIRED),
                plain.cryptoSuite(), plain.ledger(), plain.limits(), plain.auth(), plain.organisations());
        return TestNode.start(vertx, config, network.directory, clientOptions(clientTls));
    }

    static WebClientOptions clientOptions(Identity clientTls) {
        WebClientOptions options = new WebClientOptions().setSsl(true)
                .setTrustOptions(new PemTrustOptions().addCertValue(
                        Buffer.buffer(Pem.toPem(network.bureauCa.certificate()))));
        if (clientTls != null) {
            options.setKeyCertOptions(new PemKeyCertOptions()
                    .setCertValue(Buffer.buffer(clientTls.certificatePem()))
                    .setKeyValue(Buffer.buffer(clientTls.privateKeyPem())));
        }
        return options;
    }

    @Test
    void accepts_a_signed_request_over_mutual_tls_of_the_same_organisation(Vertx vertx)
            throws IOException {
        TestNode node = start(vertx, network.bankTeller);

        HttpResponse<Buffer> response =
                node.signed(network.bankTeller, "BankMSP", HttpMethod.GET, "/v1/whoami", "");

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getString("mspId")).isEqualTo("BankMSP");
    }

    @Test
    void refuses_a_client_without_a_certificate_when_mutual_tls_is_required(Vertx vertx)
            throws IOException {
        TestNode node = start(vertx, null);

        assertThatThrownBy(() -> node.signed(network.bankTeller, "BankMSP", HttpMethod.GET,
                "/v1/whoami", "")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("SSLHandshakeException");
    }

    @Test
    void refuses_a_client_certificate_from_an_unregistered_ca(Vertx vertx) throws IOException {
        TestNode node = start(vertx, network.rogueTeller);

        assertThatThrownBy(() -> node.signed(network.bankTeller, "BankMSP", HttpMethod.GET,
                "/v1/whoami", "")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("SSLHandshakeException");
    }

    @Test
    void refuses_a_tls_certificate_of_another_organisation_than_the_signer(Vertx vertx)
            throws IOException {
        TestNode node = start(vertx, network.insurerClerk);

        HttpResponse<Buffer> response =
                node.signed(network.bankTeller, "BankMSP", HttpMethod.GET, "/v1/whoami", "");

        assertThat(assertProblem(response, 401, "CERTIFICATE_UNTRUSTED").getString("detail"))
                .contains("TLS client certificate");
    }

    @Test
    void kept_alive_connections_of_two_organisations_are_each_bound_to_their_own_certificate(Vertx vertx)
            throws IOException {
        // the node reads each TLS certificate once: every request is still checked against its own
        TestNode bankConnection = start(vertx, network.bankTeller);
        TestNode insurerConnection = bankConnection.withClient(vertx, clientOptions(network.insurerClerk));

        for (int round = 0; round < 2; round++) {
            assertThat(bankConnection.signed(network.bankTeller, "BankMSP", HttpMethod.GET, "/v1/whoami", "")
                    .statusCode()).isEqualTo(200);
            assertThat(insurerConnection.signed(network.insurerClerk, "InsurerMSP", HttpMethod.GET,
                    "/v1/whoami", "").statusCode()).isEqualTo(200);
            assertThat(assertProblem(bankConnection.signed(network.insurerClerk, "InsurerMSP", HttpMethod.GET,
                    "/v1/whoami", ""), 401, "CERTIFICATE_UNTRUSTED").getString("detail"))
                    .contains("TLS client certificate 'CN=teller");
            assertThat(assertProblem(insurerConnection.signed(network.bankTeller, "BankMSP", HttpMethod.GET,
                    "/v1/whoami", ""), 401, "CERTIFICATE_UNTRUSTED").getString("detail"))
                    .contains("TLS client certificate 'CN=clerk");
        }
    }
}
