package org.qcchain.node.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.common.crypto.CertificateAuthority;
import org.qcchain.common.crypto.CertificateProfile;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.crypto.Pem;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.node.ApiException;
import org.qcchain.node.cli.Cli;
import org.qcchain.node.cli.ExitCodes;
import org.qcchain.node.config.ConfigException;
import org.qcchain.node.config.NodeConfig;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.platform.IdentityFiles;
import org.qcchain.node.platform.LedgerUnreachable;
import org.qcchain.node.platform.NodePlatform;

/** Setting up the Fabric backend: the member's MSP folder, the key suite, a gateway peer that is down. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FabricConnectionTest {

    private static final Instant START = Instant.now().minus(Duration.ofDays(1));

    @TempDir
    Path folder;

    private final CertificateAuthority ca = CertificateAuthority.createRoot(CryptoSuite.P256_SHA256,
            "CN=ca.bureau,O=BureauMSP,C=CN", START, Duration.ofDays(3650));
    private final Identity user = ca.issueIdentity("CN=User1@bureau,OU=client,O=BureauMSP,C=CN",
            CertificateProfile.CLIENT, START, Duration.ofDays(365));

    /** An MSP folder as cryptogen writes it, with a second, unrelated key beside the right one. */
    private Path mspFolder() throws IOException {
        Path msp = folder.resolve("msp");
        Files.createDirectories(msp.resolve("signcerts"));
        Files.createDirectories(msp.resolve("keystore"));
        Files.writeString(msp.resolve("signcerts/User1@bureau-cert.pem"), user.certificatePem());
        Identity other = ca.issueIdentity("CN=other,OU=client,O=BureauMSP,C=CN", CertificateProfile.CLIENT, START,
                Duration.ofDays(365));
        Files.writeString(msp.resolve("keystore/0a_sk"), other.privateKeyPem());
        Files.writeString(msp.resolve("keystore/priv_sk"), user.privateKeyPem());
        return msp;
    }

    @Test
    void reads_the_member_of_an_msp_folder_with_the_key_of_its_certificate() throws Exception {
        LedgerIdentity member = IdentityFiles.fromMspFolder("BureauMSP", mspFolder());

        assertThat(member.mspId()).isEqualTo("BureauMSP");
        assertThat(member.identity().certificate()).isEqualTo(user.certificate());
        byte[] data = "proposal".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatCode(() -> CryptoSuite.P256_SHA256.verify(user.certificate().getPublicKey(), data,
                member.identity().sign(data))).doesNotThrowAnyException();
    }

    @Test
    void refuses_an_msp_folder_without_the_certificate_s_key() throws Exception {
        Path msp = mspFolder();
        Files.delete(msp.resolve("keystore/priv_sk"));

        assertThatThrownBy(() -> IdentityFiles.fromMspFolder("BureauMSP", msp))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("holds no key of its certificate");
    }

    @Test
    void refuses_an_sm2_identity_since_fabric_accepts_p256_only() {
        CertificateAuthority sm2 = CertificateAuthority.createRoot(CryptoSuite.SM2_SM3, "CN=ca.sm2,O=BureauMSP,C=CN",
                START, Duration.ofDays(3650));
        LedgerIdentity member = new LedgerIdentity("BureauMSP", sm2.issueIdentity("CN=user,O=BureauMSP,C=CN",
                CertificateProfile.CLIENT, START, Duration.ofDays(365)));

        assertThatThrownBy(() -> FabricLedgerBackend.connect(options(1, folder.resolve("none.pem")), member))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SM2_SM3", "P-256");
    }

    @Test
    void a_gateway_peer_that_is_down_makes_calls_ledger_unavailable() throws Exception {
        LedgerIdentity member = IdentityFiles.fromMspFolder("BureauMSP", mspFolder());
        try (FabricLedgerBackend ledger = FabricLedgerBackend.connect(options(closedPort(), tlsRoot()), member)) {
            ChaincodeFailure submit = catchThrowableOfType(ChaincodeFailure.class,
                    () -> ledger.submit(member, "Organisations:init", "{}"));
            ApiException height = catchThrowableOfType(ApiException.class, ledger::height);

            assertThat(submit.errorCode()).isEqualTo(ErrorCode.LEDGER_UNAVAILABLE);
            assertThat(height.errorCode()).isEqualTo(ErrorCode.LEDGER_UNAVAILABLE);
            assertThat(ledger.kind()).isEqualTo("fabric");
            assertThat(ledger.suite()).isEqualTo(CryptoSuite.P256_SHA256);
        }
    }

    @Test
    void a_node_whose_gateway_peer_is_down_does_not_start_and_may_try_again() throws Exception {
        NodeConfig.Fabric fabric = new NodeConfig.Fabric("127.0.0.1:" + closedPort(), tlsRoot().toString(), null,
                "datashare", "qcchain", "BureauMSP", mspFolder().toString());

        assertThatThrownBy(() -> NodePlatform.openFabric(folder.resolve("data"), fabric))
                .isInstanceOf(LedgerUnreachable.class)
                .hasMessageContaining("Fabric channel datashare through 127.0.0.1:")
                .hasMessageContaining("did not answer");
    }

    @Test
    void a_gateway_peer_whose_tls_certificate_the_configured_root_did_not_sign_is_a_configuration_error()
            throws Exception {
        CertificateAuthority otherCa = CertificateAuthority.createRoot(CryptoSuite.P256_SHA256,
                "CN=tlsca.elsewhere,O=Elsewhere,C=CN", START, Duration.ofDays(3650));
        Identity peerTls = otherCa.issueIdentity("CN=peer0,O=Elsewhere,C=CN", CertificateProfile.SERVER, START,
                Duration.ofDays(365), List.of("localhost"), List.of("127.0.0.1"));
        Vertx vertx = Vertx.vertx();
        try {
            HttpServer peer = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setUseAlpn(true)
                    .setKeyCertOptions(new PemKeyCertOptions().setCertValue(Buffer.buffer(peerTls.certificatePem()))
                            .setKeyValue(Buffer.buffer(peerTls.privateKeyPem()))))
                    .requestHandler(request -> request.response().setStatusCode(500).end())
                    .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            NodeConfig.Fabric fabric = new NodeConfig.Fabric("127.0.0.1:" + peer.actualPort(), tlsRoot().toString(),
                    null, "datashare", "qcchain", "BureauMSP", mspFolder().toString());

            // not 69: restarting the node would not make the peer's certificate trusted
            assertThatThrownBy(() -> NodePlatform.openFabric(folder.resolve("data"), fabric))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("cannot use Fabric channel datashare through 127.0.0.1:");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void start_exits_with_69_when_the_gateway_peer_does_not_answer() throws Exception {
        Map<String, String> env = Map.of("QCCHAIN_DATA_DIR", folder.resolve("data").toString(),
                "QCCHAIN_LEDGER_BACKEND", "fabric", "QCCHAIN_FABRIC_GATEWAY_ENDPOINT", "127.0.0.1:" + closedPort(),
                "QCCHAIN_FABRIC_TLS_ROOT_CERTIFICATE", tlsRoot().toString(), "QCCHAIN_FABRIC_CHANNEL", "datashare",
                "QCCHAIN_FABRIC_CHAINCODE", "qcchain", "QCCHAIN_FABRIC_MSP_ID", "BureauMSP",
                "QCCHAIN_FABRIC_MSP_DIRECTORY", mspFolder().toString());
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Cli.standard().run(new String[] {"start"}, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env);

        // 69, not the 78 of a configuration a service manager should not retry
        assertThat(code).isEqualTo(ExitCodes.UNAVAILABLE).isEqualTo(69);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("did not answer").contains("exiting with 69");
    }

    private FabricNetworkOptions options(int port, Path tlsRoot) {
        return new FabricNetworkOptions("127.0.0.1:" + port, tlsRoot, null, "datashare", "qcchain");
    }

    private Path tlsRoot() throws IOException {
        return Files.writeString(folder.resolve("tls-ca.pem"), Pem.toPem(ca.certificate()));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
