package org.qcchain.node.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.qcchain.common.crypto.Pseudonymizer;
import org.qcchain.node.answer.DataRequestService;
import org.qcchain.node.answer.DatasetCoverage;
import org.qcchain.node.answer.DeliveryRecorder;
import org.qcchain.node.config.ConfigException;
import org.qcchain.node.config.NodeConfig;
import org.qcchain.node.http.NodeServices;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.ledger.LedgerOrganisationDirectory;
import org.qcchain.ledger.embedded.EmbeddedLedger;
import org.qcchain.ledger.embedded.LedgerOptions;
import org.qcchain.node.ledger.embedded.EmbeddedLedgerBackend;
import org.qcchain.node.ledger.fabric.FabricLedgerBackend;
import org.qcchain.node.ledger.fabric.FabricNetworkOptions;
import org.qcchain.node.ledger.fabric.Reachability;
import org.qcchain.node.store.LiveAccess;
import org.qcchain.node.store.PlatformKey;
import org.qcchain.node.store.ProviderStores;
import org.qcchain.node.store.RecordUploads;

/**
 * A node's platform, wired from its data folder: the ledger (the embedded ledger in {@code
 * ledger/}, or a Fabric channel reached through a gateway peer), the provider stores ({@code
 * providers/}), the pseudonymisation key ({@code platform.key}), the delivery receipts owed to the
 * ledger ({@code deliveries/}) and the organisation directory read from the ledger. The demo {@linkplain #create creates} one; {@code qcchain start} and {@code
 * import} {@linkplain #open open} it again, {@code verify} {@linkplain #openForVerification opens
 * it} to read only.
 *
 * <pre>{@code
 * try (NodePlatform platform = NodePlatform.open(config)) {
 *     NodeServer.start(vertx, config, platform.directory(), platform.services());
 * }
 * }</pre>
 */
public final class NodePlatform implements AutoCloseable {

    private final Path dataDir;
    private final LedgerBackend ledger;
    private final LedgerIdentity node;
    private final ProviderStores stores;
    private final Pseudonymizer pseudonyms;
    private final LedgerOrganisationDirectory directory;
    private final DatasetCoverage coverage;
    /** Null when opened for verification, which records nothing. */
    private final DeliveryRecorder deliveries;
    /** Null when opened for verification. */
    private final DataRequestService dataRequests;
    /** The outbox's receipts when opened for verification (recorded at the node's next start); else null. */
    private final Map<String, Integer> receiptsAtRest;

    /** Why the platform is opened. */
    private enum Use {
        /** To answer requests: a node, {@code import}. */
        SERVE,
        /** To check the ledger and the stores ({@code verify}): nothing is added to the ledger. */
        VERIFY
    }

    private NodePlatform(Path dataDir, LedgerBackend ledger, LedgerIdentity node, boolean newLedger, Use use) {
        this.dataDir = dataDir;
        this.ledger = ledger;
        this.node = node;
        // what is opened so far, closed again (newest first) if a later part cannot be opened
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            // first what asks the ledger (a Fabric peer may be unreachable), then the local files
            this.directory = keep(opened, new LedgerOrganisationDirectory(ledger, node));
            this.pseudonyms = PlatformKey.loadOrCreate(dataDir, ledger.suite());
            // live datasets are read from the providers' own databases with logins from the environment
            this.stores = keep(opened, ProviderStores.open(dataDir, new LiveAccess(
                    LiveAccess.fromEnvironment(System.getenv()), pseudonyms, ledger.suite(), dataDir)));
            // every store checked against the ledger's anchors before any request is answered from it
            this.coverage = keep(opened, newLedger ? DatasetCoverage.following(ledger, stores)
                    : DatasetCoverage.open(ledger, node, stores));
            if (use == Use.SERVE) {
                // receipts a stop or crash left behind are recorded from here on
                this.deliveries = keep(opened, DeliveryRecorder.open(deliveriesFolder(dataDir), ledger, node));
                this.dataRequests = new DataRequestService(ledger, node, stores, coverage, deliveries);
                this.receiptsAtRest = null;
            } else {
                // a verification adds nothing to the ledger, receipts included: they wait for the node
                this.deliveries = null;
                this.dataRequests = null;
                this.receiptsAtRest = DeliveryRecorder.backlogAtRest(deliveriesFolder(dataDir));
            }
        } catch (RuntimeException | Error e) {
            closeAll(opened, e);
            throw e;
        }
    }

    private static <T extends AutoCloseable> T keep(Deque<AutoCloseable> opened, T part) {
        opened.push(part);
        return part;
    }

    private static void closeAll(Deque<AutoCloseable> opened, Throwable failure) {
        for (AutoCloseable part : opened) {
            closeQuietly(part, failure);
        }
    }

    /** Closes a part after {@code failure}, which stays the failure reported; the close's own goes with it. */
    private static void closeQuietly(AutoCloseable part, Throwable failure) {
        try {
            part.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Creates the platform of a new data folder: a ledger with its genesis block, and {@code
     * node/genesis.json} so that the folder can be {@linkplain #open opened} again. The node's
     * certificate and key must already be in {@code node/}.
     *
     * @param dataDir the data folder, without a ledger
     * @param node the node's identity: signs blocks, submits data requests
     * @param genesisMembers the channel's first organisations and their PEM CA certificates
     * @return the platform
     */
    public static NodePlatform create(Path dataDir, LedgerIdentity node, Map<String, List<String>> genesisMembers) {
        Objects.requireNonNull(dataDir, "dataDir");
        if (hasLedger(dataDir)) {
            throw new IllegalStateException(dataDir + " already holds a ledger; open it instead");
        }
        NodeFiles.writeGenesis(dataDir, node.mspId(), genesisMembers);
        EmbeddedLedgerBackend ledger = EmbeddedLedgerBackend.create(ledgerFolder(dataDir), node, genesisMembers);
        try {
            return new NodePlatform(dataDir, ledger, node, true, Use.SERVE);
        } catch (RuntimeException | Error e) {
            closeQuietly(ledger, e);
            throw e;
        }
    }

    /**
     * Opens the platform a configuration names: the embedded ledger of {@code dataDir}, as {@link
     * #open(Path)}, or the Fabric channel of {@code ledger.fabric} with the provider stores and
     * platform key of {@code dataDir}, as {@link #openFabric}.
     *
     * @param config the node's configuration
     * @return the platform
     * @throws ConfigException if the data folder, the node's files or the Fabric settings are not
     *     usable
     * @throws LedgerUnreachable if the Fabric channel does not answer (trying again later may succeed)
     */
    public static NodePlatform open(NodeConfig config) throws ConfigException, LedgerUnreachable {
        return open(config, Use.SERVE);
    }

    /**
     * Opens the platform a configuration names, as {@link #open(NodeConfig)}, to verify its ledger
     * and check its provider stores ({@code qcchain verify}): nothing is added to the ledger. The
     * embedded ledger opens {@linkplain LedgerOptions#readOnly() read-only}, and the delivery
     * receipts owed stay in the outbox for the node's next start ({@link #receiptsAtRest()}); there
     * are no {@linkplain #dataRequests() data requests}.
     *
     * @param config the node's configuration
     * @return the platform
     * @throws ConfigException as {@link #open(NodeConfig)}
     * @throws LedgerUnreachable as {@link #open(NodeConfig)}
     */
    public static NodePlatform openForVerification(NodeConfig config) throws ConfigException, LedgerUnreachable {
        return open(config, Use.VERIFY);
    }

    private static NodePlatform open(NodeConfig config, Use use) throws ConfigException, LedgerUnreachable {
        Path dataDir = Path.of(config.dataDir());
        return config.ledger().usesFabric() ? openFabric(dataDir, config.ledger().fabric(), use)
                : openEmbedded(dataDir, config.ledger().replayPlace(), use);
    }

    /**
     * Opens a node on a Fabric channel: its member's identity from the MSP folder, the gateway
     * connection, and the data folder's provider stores and platform key. A new data folder gets
     * a new platform key; every node of a platform must have the same one (copy {@code
     * platform.key} from the first node before starting another).
     *
     * @param dataDir the node's data folder (provider stores, platform key); made if absent
     * @param fabric the gateway peer, channel, chaincode and MSP folder
     * @return the platform
     * @throws ConfigException if the MSP folder or TLS root certificate is unusable, the node's key
     *     is not P-256, the data folder has provider stores but no platform key, or the channel
     *     refuses what the node reads at the start (e.g. the member is not in the channel)
     * @throws LedgerUnreachable if the gateway peer does not answer the reads of the start
     */
    public static NodePlatform openFabric(Path dataDir, NodeConfig.Fabric fabric)
            throws ConfigException, LedgerUnreachable {
        return openFabric(dataDir, fabric, Use.SERVE);
    }

    private static NodePlatform openFabric(Path dataDir, NodeConfig.Fabric fabric, Use use)
            throws ConfigException, LedgerUnreachable {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(fabric, "fabric");
        if (Files.isDirectory(dataDir.resolve("providers")) && !Files.isRegularFile(dataDir.resolve(PlatformKey.FILE))) {
            throw new ConfigException(dataDir.resolve(PlatformKey.FILE) + " is missing but provider stores exist;"
                    + " restore it from the backup of this data folder");
        }
        LedgerIdentity node = IdentityFiles.fromMspFolder(fabric.mspId(), Path.of(fabric.mspDirectory()));
        FabricLedgerBackend ledger;
        try {
            ledger = FabricLedgerBackend.connect(new FabricNetworkOptions(fabric.gatewayEndpoint(),
                    Path.of(fabric.tlsRootCertificate()), fabric.hostnameOverride(), fabric.channel(),
                    fabric.chaincode()), node);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("ledger.fabric: " + e.getMessage(), e);
        }
        try {
            return new NodePlatform(dataDir, ledger, node, false, use);
        } catch (PlatformKey.DamagedKey e) {
            closeQuietly(ledger, e);
            throw new ConfigException(e.getMessage(), e);
        } catch (Error e) {
            closeQuietly(ledger, e);
            throw e;
        } catch (RuntimeException e) {
            closeQuietly(ledger, e);
            String channel = "Fabric channel " + fabric.channel() + " through " + fabric.gatewayEndpoint() + " as "
                    + fabric.mspId();
            if (Reachability.unreachable(e)) {
                throw new LedgerUnreachable(channel + " did not answer: " + e.getMessage(), e);
            }
            throw new ConfigException("cannot use " + channel + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens the platform a demo or an earlier run left in a data folder.
     *
     * @param dataDir the data folder
     * @return the platform
     * @throws ConfigException if the folder holds no ledger, or the node's files are missing or
     *     do not match the ledger's block 0
     */
    public static NodePlatform open(Path dataDir) throws ConfigException {
        return open(dataDir, LedgerOptions.ReplayPlace.AUTO);
    }

    /**
     * {@link #open(Path)}, its ledger verifying with the replay kept where {@code verifyReplay} says.
     *
     * @param dataDir the data folder
     * @param verifyReplay where a verification keeps its replay of the chain
     * @return the platform
     * @throws ConfigException as {@link #open(Path)}
     */
    public static NodePlatform open(Path dataDir, LedgerOptions.ReplayPlace verifyReplay) throws ConfigException {
        return openEmbedded(dataDir, verifyReplay, Use.SERVE);
    }

    private static NodePlatform openEmbedded(Path dataDir, LedgerOptions.ReplayPlace verifyReplay, Use use)
            throws ConfigException {
        Objects.requireNonNull(dataDir, "dataDir");
        if (!hasLedger(dataDir)) {
            throw new ConfigException(dataDir.toAbsolutePath() + " holds no ledger (neither "
                    + ledgerFolder(dataDir).resolve("ledger.mv.db") + " nor blocks.dat); create one with"
                    + " 'qcchain demo --data "
                    + dataDir + "' or point dataDir (--data, QCCHAIN_DATA_DIR) at a node's folder");
        }
        if (!Files.isRegularFile(dataDir.resolve(PlatformKey.FILE))) {
            // a new random key would silently give every subject new pseudonyms
            throw new ConfigException(dataDir.resolve(PlatformKey.FILE) + " is missing; restore it from the backup"
                    + " of this data folder");
        }
        LedgerIdentity node = NodeFiles.readNode(dataDir);
        Map<String, List<String>> members = NodeFiles.readGenesisMembers(dataDir);
        EmbeddedLedgerBackend ledger;
        try {
            ledger = use == Use.SERVE
                    ? EmbeddedLedgerBackend.create(ledgerFolder(dataDir), node, members, verifyReplay)
                    : EmbeddedLedgerBackend.openReadOnly(ledgerFolder(dataDir), node, members, verifyReplay);
        } catch (RuntimeException e) {
            // H2's lock (a node already runs on the folder) or a genesis mismatch: say which folder
            throw new ConfigException("cannot open the ledger in " + ledgerFolder(dataDir) + ": " + e.getMessage(), e);
        }
        try {
            return new NodePlatform(dataDir, ledger, node, false, use);
        } catch (PlatformKey.DamagedKey e) {
            closeQuietly(ledger, e);
            throw new ConfigException(e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            closeQuietly(ledger, e);
            throw e;
        }
    }

    /**
     * @return whether {@code dataDir} holds an embedded ledger: its database, or its block file
     *     alone (the database is then made again from it when the ledger opens)
     */
    public static boolean hasLedger(Path dataDir) {
        return EmbeddedLedger.exists(ledgerFolder(dataDir));
    }

    /** The embedded ledger's folder: {@code <dataDir>/ledger/}. */
    public static Path ledgerFolder(Path dataDir) {
        return dataDir.resolve("ledger");
    }

    /** The delivery receipts owed to the ledger: {@code <dataDir>/deliveries/}. */
    private static Path deliveriesFolder(Path dataDir) {
        return dataDir.resolve("deliveries");
    }

    /** @return the node's data folder */
    public Path dataDir() {
        return dataDir;
    }

    /** @return the ledger */
    public LedgerBackend ledger() {
        return ledger;
    }

    /** @return the node's identity */
    public LedgerIdentity node() {
        return node;
    }

    /** @return the providers' record stores */
    public ProviderStores stores() {
        return stores;
    }

    /** @return the platform's pseudonymizer */
    public Pseudonymizer pseudonyms() {
        return pseudonyms;
    }

    /** @return the organisations as registered on the ledger */
    public LedgerOrganisationDirectory directory() {
        return directory;
    }

    /**
     * @return the data request service over this platform's ledger and stores (one per platform)
     * @throws IllegalStateException if the platform is opened for verification
     */
    public DataRequestService dataRequests() {
        return serving(dataRequests);
    }

    /** @return which datasets this node's stores can answer for */
    public DatasetCoverage coverage() {
        return coverage;
    }

    /**
     * @return the recorder of this platform's delivery receipts
     * @throws IllegalStateException if the platform is opened for verification
     */
    public DeliveryRecorder deliveries() {
        return serving(deliveries);
    }

    /**
     * @return the receipts the outbox held when the platform was opened for verification ({@code
     *     owed}, {@code failed}), which the node records at its next start
     * @throws IllegalStateException if the platform is opened to serve (its recorder then has them)
     */
    public Map<String, Integer> receiptsAtRest() {
        if (receiptsAtRest == null) {
            throw new IllegalStateException("the platform records its receipts; ask deliveries().backlog()");
        }
        return receiptsAtRest;
    }

    /** @return what the HTTP routes work with */
    public NodeServices services() {
        return NodeServices.of(ledger, node, serving(dataRequests))
                .withUploads(new RecordUploads(stores, pseudonyms, ledger.suite()))
                .withPseudonyms(pseudonyms);
    }

    private static <T> T serving(T part) {
        if (part == null) {
            throw new IllegalStateException("the platform is open for verification only: it answers no requests");
        }
        return part;
    }

    @Override
    public void close() {
        // answers waiting for their batch signature are signed and their receipts kept, then the
        // receipts owed are recorded (or kept for the next start) while the ledger is still open
        if (dataRequests != null) {
            dataRequests.close();
            deliveries.close();
        }
        coverage.close();
        try {
            directory.close();
        } catch (Exception e) {
            // closing a subscription cannot fail in a way that matters at shutdown
        }
        stores.close();
        ledger.close();
    }
}
