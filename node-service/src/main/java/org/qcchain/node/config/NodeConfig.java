package org.qcchain.node.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.chaincode.model.Role;
import org.qcchain.ledger.embedded.LedgerOptions;

/**
 * The node's configuration, read by {@link NodeConfigLoader} from a JSON file with environment
 * overrides on top of {@link #defaults()} (embedded ledger, plain HTTP on 127.0.0.1:8080). Every
 * record checks its own values, so a {@code NodeConfig} that exists is usable.
 *
 * @param dataDir where the node keeps its data (the embedded ledger's database)
 * @param http where the API listens
 * @param tls TLS and client authentication
 * @param cryptoSuite the network's suite, for signatures and hashes
 * @param ledger which ledger backend the node talks to
 * @param limits request limits
 * @param auth signed-request settings
 * @param organisations organisations known from the file, until the ledger provides them
 */
public record NodeConfig(String dataDir, Http http, Tls tls, CryptoSuite cryptoSuite, Ledger ledger,
        Limits limits, Auth auth, List<OrganisationEntry> organisations) {

    /** Checks that every part is present and cross-part rules hold. */
    public NodeConfig {
        Checks.notBlank(dataDir, "dataDir");
        requireUsableDataDir(dataDir);
        Checks.present(http, "http");
        Checks.present(tls, "tls");
        Checks.present(cryptoSuite, "cryptoSuite");
        Checks.present(ledger, "ledger");
        Checks.rule(!ledger.usesFabric() || cryptoSuite == CryptoSuite.P256_SHA256,
                "ledger.backend fabric needs cryptoSuite P256_SHA256, was " + cryptoSuite
                        + ": Fabric's MSP signs and verifies with ECDSA P-256 only");
        Checks.present(limits, "limits");
        Checks.present(auth, "auth");
        organisations = List.copyOf(Checks.present(organisations, "organisations"));
        Set<String> seen = new HashSet<>();
        for (OrganisationEntry organisation : organisations) {
            Checks.rule(seen.add(organisation.mspId()),
                    "organisations: " + organisation.mspId() + " is listed twice");
        }
    }

    /**
     * Refuses a data folder whose absolute path holds a {@code ;}: the path goes into H2's JDBC URLs
     * (ledger, provider stores, {@code ${dataDir}} sources), which end the database name there and
     * cannot escape one.
     *
     * @param dataDir the data folder, as given
     * @throws IllegalArgumentException naming the folder, if it cannot be used
     */
    public static void requireUsableDataDir(String dataDir) {
        Path folder = Path.of(dataDir).toAbsolutePath();
        Checks.rule(!folder.toString().contains(";"), "dataDir '" + folder + "' must not hold ';', which"
                + " H2's database URLs read as the start of a setting");
    }

    /**
     * The embedded-mode defaults: data in {@code ./qcchain-data}, HTTP on 127.0.0.1:8080 without
     * TLS, P256_SHA256, the embedded ledger, 1 MiB bodies (64 MiB bulk uploads), pages of at most
     * 200, five minutes of clock skew, 100,000 remembered nonces, no organisations.
     *
     * @return the defaults
     */
    public static NodeConfig defaults() {
        return new NodeConfig("qcchain-data", new Http("127.0.0.1", 8080),
                new Tls(false, null, null, ClientAuthMode.NONE), CryptoSuite.P256_SHA256,
                new Ledger(Ledger.EMBEDDED), new Limits(1024 * 1024, 200, 50), new Auth(300, 100_000),
                List.of());
    }

    /**
     * Where the API listens.
     *
     * @param host interface address, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
     * @param port TCP port; 0 picks a free one
     */
    public record Http(String host, int port) {
        /** Checks the values. */
        public Http {
            Checks.notBlank(host, "http.host");
            Checks.range(port, 0, 65535, "http.port");
        }
    }

    /**
     * TLS for the API. Certificates must be P-256: the JDK's TLS has no SM2 cipher suites, so an
     * SM2 network keeps SM2 for signed requests and uses P-256 for transport.
     *
     * @param enabled whether the API speaks HTTPS
     * @param certificate PEM file of the server certificate (chain), when enabled
     * @param privateKey PEM file of its private key, when enabled
     * @param clientAuth whether clients must present certificates of the organisations' CAs
     */
    public record Tls(boolean enabled, String certificate, String privateKey,
            ClientAuthMode clientAuth) {
        /** Checks the values. */
        public Tls {
            Checks.present(clientAuth, "tls.clientAuth");
            if (enabled) {
                Checks.notBlank(certificate, "tls.certificate");
                Checks.notBlank(privateKey, "tls.privateKey");
            }
            Checks.rule(enabled || clientAuth == ClientAuthMode.NONE,
                    "tls.clientAuth " + clientAuth + " needs tls.enabled true");
        }
    }

    /**
     * The ledger backend.
     *
     * @param backend {@code embedded} (H2, one machine) or {@code fabric} (a Fabric network)
     * @param fabric how to reach the Fabric network; required when the backend is {@code fabric},
     *     ignored otherwise (so a file can keep it while trying the embedded ledger)
     * @param verifyReplay where a verification of the embedded ledger keeps its replay of the
     *     chain: {@code auto} (the default: on the heap when it fits half the heap free, else in a
     *     file), {@code heap} or {@code file} (docs/operations.md, "Verifying the ledger")
     */
    public record Ledger(String backend, Fabric fabric, String verifyReplay) {
        /** The embedded backend. */
        public static final String EMBEDDED = "embedded";
        /** The Fabric backend. */
        public static final String FABRIC = "fabric";

        /** Checks the values; the constructor the configuration is read with. */
        @JsonCreator
        public Ledger {
            Checks.rule(EMBEDDED.equals(backend) || FABRIC.equals(backend),
                    "ledger.backend must be embedded or fabric, was " + backend);
            Checks.rule(!FABRIC.equals(backend) || fabric != null,
                    "ledger.fabric must be set when ledger.backend is fabric (gatewayEndpoint, tlsRootCertificate,"
                            + " channel, chaincode, mspId, mspDirectory)");
            verifyReplay = verifyReplay == null ? "auto" : verifyReplay.toLowerCase(Locale.ROOT);
            Checks.rule(isReplayPlace(verifyReplay), "ledger.verifyReplay must be auto, heap or file, was "
                    + verifyReplay);
        }

        /**
         * A backend without a Fabric section, e.g. {@code new Ledger("embedded")}.
         *
         * @param backend {@code embedded}
         */
        public Ledger(String backend) {
            this(backend, null, null);
        }

        /**
         * A backend whose verifications choose where to replay ({@code auto}).
         *
         * @param backend {@code embedded} or {@code fabric}
         * @param fabric the Fabric network, for {@code fabric}
         */
        public Ledger(String backend, Fabric fabric) {
            this(backend, fabric, null);
        }

        private static boolean isReplayPlace(String value) {
            return Arrays.stream(LedgerOptions.ReplayPlace.values())
                    .anyMatch(place -> place.name().equalsIgnoreCase(value));
        }

        /** @return where a verification of the embedded ledger keeps its replay of the chain */
        public LedgerOptions.ReplayPlace replayPlace() {
            return LedgerOptions.ReplayPlace.valueOf(verifyReplay.toUpperCase(Locale.ROOT));
        }

        /** @return whether the node runs on a Fabric network */
        public boolean usesFabric() {
            return FABRIC.equals(backend);
        }
    }

    /**
     * How the node reaches its Fabric network: one gateway peer over gRPC with TLS, as one member
     * of the node's organisation (docs/fabric.md, "The node on Fabric").
     *
     * @param gatewayEndpoint {@code host:port} of the gateway peer, e.g. {@code peer0.bureau.example.cn:7051}
     * @param tlsRootCertificate PEM file of the CA that issued the peer's TLS certificate
     * @param hostnameOverride the name to check the peer's TLS certificate against when it differs
     *     from the endpoint's host (an IP address, a tunnel); {@code null} to check the host
     * @param channel the channel, e.g. {@code datashare}
     * @param chaincode the chaincode's name on that channel, e.g. {@code qcchain}
     * @param mspId the node's organisation, e.g. {@code BureauMSP}
     * @param mspDirectory the member's MSP folder: {@code signcerts/*.pem} and {@code keystore/*_sk}
     */
    public record Fabric(String gatewayEndpoint, String tlsRootCertificate, String hostnameOverride, String channel,
            String chaincode, String mspId, String mspDirectory) {
        /** Checks the values. */
        public Fabric {
            Checks.notBlank(gatewayEndpoint, "ledger.fabric.gatewayEndpoint");
            int colon = gatewayEndpoint.lastIndexOf(':');
            Checks.rule(colon > 0 && isPort(gatewayEndpoint.substring(colon + 1)),
                    "ledger.fabric.gatewayEndpoint must be host:port, was " + gatewayEndpoint);
            Checks.notBlank(tlsRootCertificate, "ledger.fabric.tlsRootCertificate");
            Checks.rule(hostnameOverride == null || !hostnameOverride.isBlank(),
                    "ledger.fabric.hostnameOverride must be a host name or absent");
            Checks.notBlank(channel, "ledger.fabric.channel");
            Checks.notBlank(chaincode, "ledger.fabric.chaincode");
            Checks.notBlank(mspId, "ledger.fabric.mspId");
            Checks.notBlank(mspDirectory, "ledger.fabric.mspDirectory");
        }

        private static boolean isPort(String text) {
            try {
                int port = Integer.parseInt(text);
                return port > 0 && port <= 65535;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }

    /**
     * Limits on what one request may ask.
     *
     * @param maxBodyBytes largest request body; larger ones get 413
     * @param maxPageSize largest page a list route returns
     * @param defaultPageSize page size when the caller gives none
     * @param maxBulkBodyBytes largest body of a bulk record upload (NDJSON or CSV), which is read
     *     whole before any row is stored (so that a bad row stores none); at least {@code
     *     maxBodyBytes}
     */
    public record Limits(int maxBodyBytes, int maxPageSize, int defaultPageSize, int maxBulkBodyBytes) {

        /** The default bulk upload limit: 64 MiB, some 300,000 records of a typical dataset. */
        public static final int DEFAULT_MAX_BULK_BODY_BYTES = 64 * 1024 * 1024;

        /** Checks the values. */
        public Limits {
            Checks.range(maxBodyBytes, 1024, 64 * 1024 * 1024, "limits.maxBodyBytes");
            Checks.range(maxPageSize, 1, 1000, "limits.maxPageSize");
            Checks.range(defaultPageSize, 1, maxPageSize, "limits.defaultPageSize");
            Checks.range(maxBulkBodyBytes, maxBodyBytes, 1024 * 1024 * 1024, "limits.maxBulkBodyBytes");
        }

        /**
         * Limits with the default bulk upload limit (or {@code maxBodyBytes}, if that is larger).
         *
         * @param maxBodyBytes largest request body
         * @param maxPageSize largest page
         * @param defaultPageSize default page size
         */
        public Limits(int maxBodyBytes, int maxPageSize, int defaultPageSize) {
            this(maxBodyBytes, maxPageSize, defaultPageSize, Math.max(maxBodyBytes, DEFAULT_MAX_BULK_BODY_BYTES));
        }
    }

    /**
     * Signed-request settings.
     *
     * @param maxClockSkewSeconds how far a request's timestamp may lie from the node's clock
     * @param nonceCacheSize most nonces remembered at once; when full, requests get 429
     */
    public record Auth(int maxClockSkewSeconds, int nonceCacheSize) {
        /** Checks the values. */
        public Auth {
            Checks.range(maxClockSkewSeconds, 1, 3600, "auth.maxClockSkewSeconds");
            Checks.range(nonceCacheSize, 1000, 10_000_000, "auth.nonceCacheSize");
        }
    }

    /**
     * An organisation known from the file.
     *
     * @param mspId its MSP id
     * @param roles its roles
     * @param caCertificates PEM files of its CA certificates
     */
    public record OrganisationEntry(String mspId, List<Role> roles, List<String> caCertificates) {
        /** Checks the values. */
        public OrganisationEntry {
            Checks.notBlank(mspId, "organisations[].mspId");
            roles = List.copyOf(Checks.present(roles, "organisations[].roles"));
            caCertificates = List.copyOf(Checks.present(caCertificates, "organisations[].caCertificates"));
            Checks.rule(!caCertificates.isEmpty(),
                    "organisations: " + mspId + " needs at least one caCertificates file");
        }
    }
}
