package org.qcchain.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.qcchain.common.crypto.CertificateAuthority;
import org.qcchain.common.crypto.CertificateProfile;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.crypto.Pem;
import org.qcchain.common.io.DurableFiles;
import org.qcchain.node.config.ClientAuthMode;
import org.qcchain.node.config.NodeConfig;

/**
 * Mutual TLS for the HTTP benchmark, as a node runs in production: the node presents a server
 * certificate for 127.0.0.1 from a TLS CA of its own (as Fabric keeps a TLS CA beside each
 * organisation's signing CA), and requires a client certificate of an organisation's CA; the
 * clients present the bank's certificate, the same identity that signs the requests, which the
 * node checks belong to one organisation. Connections are kept alive, so the handshakes are few and
 * what is measured is mostly the encryption of the answers.
 */
final class BenchTls {

    private final NodeConfig.Tls nodeTls;
    private final String caPem;

    private BenchTls(NodeConfig.Tls nodeTls, String caPem) {
        this.nodeTls = nodeTls;
        this.caPem = caPem;
    }

    /** Makes the TLS CA and the node's server certificate, written (key owner-only) into {@code folder}. */
    static BenchTls create(Path folder) throws IOException {
        Instant start = Instant.now().minus(1, ChronoUnit.DAYS);
        CertificateAuthority ca = CertificateAuthority.createRoot(CryptoSuite.P256_SHA256,
                "CN=tlsca.bench,O=BureauMSP,C=CN", start, Duration.ofDays(30));
        Identity server = ca.issueIdentity("CN=node0.bureau,O=BureauMSP,C=CN", CertificateProfile.SERVER, start,
                Duration.ofDays(30), List.of("localhost"), List.of("127.0.0.1"));
        Path certificate = folder.resolve("node-tls.pem");
        Path key = folder.resolve("node-tls.key");
        DurableFiles.replace(certificate, server.certificatePem().getBytes(StandardCharsets.UTF_8),
                DurableFiles.Access.DEFAULT);
        DurableFiles.replace(key, server.privateKeyPem().getBytes(StandardCharsets.UTF_8),
                DurableFiles.Access.OWNER_ONLY);
        return new BenchTls(new NodeConfig.Tls(true, certificate.toString(), key.toString(), ClientAuthMode.REQUIRED),
                Pem.toPem(ca.certificate()));
    }

    /** @return the node's TLS settings: HTTPS with client certificates required */
    NodeConfig.Tls nodeTls() {
        return nodeTls;
    }

    /** Has {@code options} trust only the TLS CA and present {@code client}'s certificate. */
    HttpClientOptions clientOptions(HttpClientOptions options, Identity client) {
        return options.setSsl(true)
                .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(caPem)))
                .setKeyCertOptions(new PemKeyCertOptions().setCertValue(Buffer.buffer(client.certificatePem()))
                        .setKeyValue(Buffer.buffer(client.privateKeyPem())));
    }
}
