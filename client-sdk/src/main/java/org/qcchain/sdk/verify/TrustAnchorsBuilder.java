package org.qcchain.sdk.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.qcchain.common.crypto.Pem;
import org.qcchain.common.syntax.IdentifierRule;

/**
 * Collects {@link TrustAnchors}; every method checks its argument and names what is wrong. Only CA
 * certificates (basic constraints {@code cA}) are accepted: an end-entity certificate cannot issue.
 */
public final class TrustAnchorsBuilder {

    /** The chaincode's syntax of MSP ids. */
    private static final IdentifierRule MSP_ID = IdentifierRule.MSP_ID;

    private final Map<String, List<X509Certificate>> organisations = new TreeMap<>();
    private final List<X509Certificate> nodeCas = new ArrayList<>();
    private FabricTrust fabric;

    TrustAnchorsBuilder() {}

    /**
     * Trusts CA certificates for one organisation; may be called more than once per organisation.
     *
     * @param mspId the organisation's MSP id
     * @param caPem one or more PEM CA certificates
     * @return this builder
     */
    public TrustAnchorsBuilder organisation(String mspId, String caPem) {
        requireMspId(mspId);
        List<X509Certificate> cas = parseCas("CA of " + mspId, caPem);
        organisations.computeIfAbsent(mspId, id -> new ArrayList<>()).addAll(cas);
        return this;
    }

    /**
     * Trusts CA certificates to issue node certificates.
     *
     * @param caPem one or more PEM CA certificates
     * @return this builder
     */
    public TrustAnchorsBuilder nodeCa(String caPem) {
        nodeCas.addAll(parseCas("node CA", caPem));
        return this;
    }

    /**
     * Trusts a Hyperledger Fabric channel, so that answers with Fabric evidence verify; its orderer
     * and endorsing organisations need CAs of their own ({@link #organisation}).
     *
     * @param channel the channel's trust
     * @return this builder
     */
    public TrustAnchorsBuilder fabric(FabricTrust channel) {
        this.fabric = Objects.requireNonNull(channel, "fabric");
        return this;
    }

    /**
     * The anchors.
     *
     * @return immutable anchors
     * @throws IllegalStateException if no node CA was given (no answer could ever verify), or an
     *     orderer or endorsing organisation of the Fabric channel has no CA
     */
    public TrustAnchors build() {
        if (nodeCas.isEmpty()) {
            throw new IllegalStateException("trust anchors need at least one node CA; without one no answer verifies");
        }
        if (fabric != null) {
            Set<String> named = new TreeSet<>(fabric.ordererOrganisations());
            named.addAll(fabric.endorsingOrganisations());
            named.removeAll(organisations.keySet());
            if (!named.isEmpty()) {
                throw new IllegalStateException("the Fabric channel names " + named
                        + " without a trusted CA; add organisation(mspId, caPem) for each");
            }
        }
        return new TrustAnchorsImpl(organisations, nodeCas, fabric);
    }

    /** Returns normally only for an MSP id of the chaincode's syntax. */
    static void requireMspId(String mspId) {
        Objects.requireNonNull(mspId, "mspId");
        if (!MSP_ID.matches(mspId)) {
            throw new IllegalArgumentException("'" + mspId + "' is not an MSP id (" + MSP_ID.pattern() + ")");
        }
    }

    static TrustAnchors fromFolder(Path folder) throws IOException {
        Objects.requireNonNull(folder, "folder");
        TrustAnchorsBuilder builder = new TrustAnchorsBuilder();
        Path msp = folder.resolve("msp");
        if (Files.isDirectory(msp)) {
            try (Stream<Path> orgs = Files.list(msp)) {
                for (Path org : orgs.filter(Files::isDirectory).sorted().toList()) {
                    for (String pem : pems(org)) {
                        builder.organisation(org.getFileName().toString(), pem);
                    }
                }
            }
        }
        for (String pem : pems(folder.resolve("node"))) {
            builder.nodeCa(pem);
        }
        Path fabric = folder.resolve("fabric.json");
        if (Files.isRegularFile(fabric)) {
            builder.fabric(FabricTrustFile.read(Files.readString(fabric, StandardCharsets.UTF_8)));
        }
        return builder.build();
    }

    private static List<String> pems(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> texts = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".pem")).sorted().toList()) {
                texts.add(Files.readString(file, StandardCharsets.UTF_8));
            }
            return texts;
        }
    }

    private static List<X509Certificate> parseCas(String what, String pem) {
        Objects.requireNonNull(pem, what);
        List<X509Certificate> cas;
        try {
            cas = Pem.parseCertificates(pem);
        } catch (CertificateException e) {
            throw new IllegalArgumentException(what + " is not PEM certificates: " + e.getMessage(), e);
        }
        if (cas.isEmpty()) {
            throw new IllegalArgumentException(what + " holds no certificate");
        }
        for (X509Certificate ca : cas) {
            if (ca.getBasicConstraints() < 0) {
                throw new IllegalArgumentException(what + " '" + ca.getSubjectX500Principal().getName()
                        + "' is not a CA certificate");
            }
        }
        return cas;
    }
}
