package org.qcchain.node.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.qcchain.common.crypto.Certificates;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Pem;
import org.qcchain.node.auth.OrganisationDirectory;
import org.qcchain.node.config.ClientAuthMode;
import org.qcchain.node.config.ConfigException;
import org.qcchain.node.config.NodeConfig;

/**
 * HTTP server options from the configuration: TLS material read from its files, and for client
 * authentication the P-256 CA certificates of all organisations as trust anchors (the JDK's TLS
 * cannot use SM2 certificates, so SM2 CAs cannot anchor TLS).
 */
final class ServerOptions {

    private ServerOptions() {}

    static HttpServerOptions create(NodeConfig config, OrganisationDirectory directory)
            throws ConfigException {
        HttpServerOptions options = new HttpServerOptions()
                .setHost(config.http().host())
                .setPort(config.http().port())
                .setCompressionSupported(false);
        NodeConfig.Tls tls = config.tls();
        if (!tls.enabled()) {
            return options;
        }
        options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                .setCertValue(Buffer.buffer(read(tls.certificate(), "tls.certificate")))
                .setKeyValue(Buffer.buffer(read(tls.privateKey(), "tls.privateKey"))));
        switch (tls.clientAuth()) {
            case NONE -> options.setClientAuth(ClientAuth.NONE);
            case REQUEST -> options.setClientAuth(ClientAuth.REQUEST);
            case REQUIRED -> options.setClientAuth(ClientAuth.REQUIRED);
            default -> throw new IllegalStateException("unknown client auth " + tls.clientAuth());
        }
        if (tls.clientAuth() != ClientAuthMode.NONE) {
            options.setTrustOptions(trustAnchors(directory.caCertificates()));
        }
        return options;
    }

    private static PemTrustOptions trustAnchors(List<X509Certificate> cas) throws ConfigException {
        PemTrustOptions trust = new PemTrustOptions();
        for (X509Certificate ca : cas) {
            if (Certificates.suiteOf(ca) == CryptoSuite.P256_SHA256) {
                trust.addCertValue(Buffer.buffer(Pem.toPem(ca)));
            }
        }
        if (trust.getCertValues().isEmpty()) {
            throw new ConfigException("tls.clientAuth needs at least one organisation with a P-256 "
                    + "CA certificate to trust");
        }
        return trust;
    }

    private static String read(String file, String key) throws ConfigException {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new ConfigException(key + ": cannot read " + file + ": " + e, e);
        }
    }
}
