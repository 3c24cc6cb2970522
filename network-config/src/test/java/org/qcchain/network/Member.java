package org.qcchain.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A channel member as cryptogen laid it out under {@code <work>/organizations}: its MSP id, its
 * first user's certificate and key, its CA certificate, and the gateway peer it connects through
 * (its own peer, or another organisation's when it runs none).
 *
 * @param mspId the organisation's MSP id
 * @param org the short name, as in the folder {@code peerOrganizations/<org>.qcchain.example}
 * @param gatewayOrg the organisation whose peer is the gateway
 * @param gatewayPort that peer's port on 127.0.0.1
 */
record Member(String mspId, String org, String gatewayOrg, int gatewayPort) {
    static final String DOMAIN = "qcchain.example";

    static Member withPeer(String mspId, String org, int port) {
        return new Member(mspId, org, org, port);
    }

    static Member through(String mspId, String org, Member gateway) {
        return new Member(mspId, org, gateway.org, gateway.gatewayPort);
    }

    Path orgDir(Path work) {
        return orgDir(work, org);
    }

    private static Path orgDir(Path work, String org) {
        return work.resolve("organizations/peerOrganizations/" + org + "." + DOMAIN);
    }

    private Path userMsp(Path work) {
        return orgDir(work).resolve("users/User1@" + org + "." + DOMAIN + "/msp");
    }

    String userCertificatePem(Path work) {
        return onlyFileIn(userMsp(work).resolve("signcerts"));
    }

    String userPrivateKeyPem(Path work) {
        return onlyFileIn(userMsp(work).resolve("keystore"));
    }

    /** The PEM certificate of the CA that issues this organisation's identities. */
    String caCertificatePem(Path work) {
        return onlyFileIn(orgDir(work).resolve("msp/cacerts"));
    }

    /** The TLS CA certificate of the gateway peer. */
    Path gatewayTlsRoot(Path work) {
        return orgDir(work, gatewayOrg).resolve("peers/peer0." + gatewayOrg + "." + DOMAIN + "/tls/ca.crt");
    }

    private static String onlyFileIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            Path file = files.filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no file in " + dir));
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
