package org.qcchain.node.ledger.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.ledger.embedded.EmbeddedLedger;
import org.qcchain.ledger.embedded.LedgerListener;
import org.qcchain.ledger.embedded.LedgerOptions;
import org.qcchain.ledger.embedded.StageTimings;
import org.qcchain.ledger.embedded.Subscription;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.Committed;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerEvent;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.ledger.VerifyProgress;
import org.qcchain.simulator.ChaincodeEventRecord;

/**
 * {@link LedgerBackend} over an {@link EmbeddedLedger} in a folder of the node's data directory.
 *
 * <pre>{@code
 * LedgerBackend ledger = EmbeddedLedgerBackend.create(dataDir.resolve("ledger"), node,
 *     Map.of("BureauMSP", List.of(bureauCaPem)));
 * }</pre>
 */
public final class EmbeddedLedgerBackend implements LedgerBackend {

    private final EmbeddedLedger ledger;
    private final Submitter submitter;
    private final EvidenceReader evidence;
    private final ChannelAdmission admission;
    private final RecentBlocks recentBlocks;
    private final Subscription recentSubscription;

    private EmbeddedLedgerBackend(EmbeddedLedger ledger, LedgerIdentity node) {
        this.ledger = ledger;
        this.recentBlocks = new RecentBlocks(ledger.genesis().suite());
        // listening before the height is read: every block from then on reaches the cache
        this.recentSubscription = ledger.addListener(recentBlocks);
        recentBlocks.onHeight(ledger.height());
        this.submitter = new Submitter(ledger, LedgerSetup.CHANNEL, LedgerSetup.CHAINCODE, recentBlocks,
                node.identity().certificate());
        this.evidence = new EvidenceReader(ledger, recentBlocks);
        this.admission = new ChannelAdmission(ledger, node);
    }

    /**
     * Opens the ledger in {@code folder}, creating it with its genesis block if it is new; {@link
     * LedgerSetup} builds the ledger's options.
     *
     * @param folder the ledger's folder
     * @param node the node's identity: signs blocks and membership updates, submits data requests
     * @param genesisMembers the channel's first organisations and their PEM CA certificates
     *     (the operator's at least); must be the same on every opening of an existing ledger
     * @return the backend
     */
    public static EmbeddedLedgerBackend create(Path folder, LedgerIdentity node,
            Map<String, List<String>> genesisMembers) {
        return create(folder, node, genesisMembers, LedgerOptions.ReplayPlace.AUTO);
    }

    /**
     * {@link #create(Path, LedgerIdentity, Map)}, verifying with the replay kept where {@code
     * verifyReplay} says ({@link LedgerOptions#verifyReplay()}).
     *
     * @param folder the ledger's folder
     * @param node the node's identity
     * @param genesisMembers the channel's first organisations and their PEM CA certificates
     * @param verifyReplay where a verification keeps its replay of the chain
     * @return the backend
     */
    public static EmbeddedLedgerBackend create(Path folder, LedgerIdentity node,
            Map<String, List<String>> genesisMembers, LedgerOptions.ReplayPlace verifyReplay) {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(node, "node");
        return new EmbeddedLedgerBackend(LedgerSetup.open(folder, node, genesisMembers, verifyReplay, false), node);
    }

    /**
     * Opens the existing ledger in {@code folder} to be read and verified only ({@link
     * LedgerOptions#readOnly()}): it adds no block, and submitting fails.
     *
     * @param folder the ledger's folder; it must hold a ledger
     * @param node the node's identity, as for {@link #create(Path, LedgerIdentity, Map, LedgerOptions.ReplayPlace)}
     * @param genesisMembers the channel's first organisations, as recorded in block 0
     * @param verifyReplay where a verification keeps its replay of the chain
     * @return the backend
     */
    public static EmbeddedLedgerBackend openReadOnly(Path folder, LedgerIdentity node,
            Map<String, List<String>> genesisMembers, LedgerOptions.ReplayPlace verifyReplay) {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(node, "node");
        return new EmbeddedLedgerBackend(LedgerSetup.open(folder, node, genesisMembers, verifyReplay, true), node);
    }

    @Override
    public String kind() {
        return TransactionEvidence.EMBEDDED;
    }

    @Override
    public CryptoSuite suite() {
        return ledger.genesis().suite();
    }

    @Override
    public Committed submit(LedgerIdentity as, String function, String... args) throws ChaincodeFailure {
        return submitter.submit(as, function, args);
    }

    /** Keeps no thread waiting: the future completes when the block is durable (see {@code Submitter}). */
    @Override
    public CompletableFuture<Committed> submitAsync(LedgerIdentity as, String function, String... args) {
        return submitter.submitAsync(as, function, args);
    }

    /** Keeps the transaction in memory from its commit until its evidence is asked for. */
    @Override
    public CompletableFuture<Committed> submitAsyncForEvidence(LedgerIdentity as, String function, String... args) {
        return submitter.submitAsyncForEvidence(as, function, args);
    }

    @Override
    public String evaluate(LedgerIdentity as, String function, String... args) throws ChaincodeFailure {
        return submitter.evaluate(as, function, args);
    }

    @Override
    public Optional<TransactionEvidence> evidence(String txId) {
        return evidence.evidence(txId);
    }

    @Override
    public Optional<JsonNode> block(long number) {
        return evidence.block(number);
    }

    @Override
    public Optional<JsonNode> transaction(String txId) {
        return evidence.transaction(txId);
    }

    /** The ledger's time per stage since it opened (for benchmarks and diagnosis). */
    public StageTimings stageTimings() {
        return ledger.stageTimings();
    }

    @Override
    public long height() {
        return ledger.height();
    }

    /**
     * Replays the whole ledger: hash chain, signatures, membership, validation codes, world state
     * and history ({@code qcchain verify} prints the progress, since a long chain takes minutes).
     *
     * @param progress hears blocks verified so far and the height
     * @return the report
     */
    @Override
    public JsonNode verify(VerifyProgress progress) {
        Objects.requireNonNull(progress, "progress");
        return IntegrityReport.of(ledger, progress::onProgress);
    }

    @Override
    public void admit(String mspId, List<String> caCertificatesPem) {
        admission.admit(mspId, caCertificatesPem);
    }

    @Override
    public AutoCloseable subscribe(Consumer<LedgerEvent> listener) {
        return ledger.addListener(new LedgerListener() {
            @Override
            public void onChaincodeEvent(long blockNumber, ChaincodeEventRecord event) {
                listener.accept(new LedgerEvent(blockNumber, event.txId(), event.name(),
                        event.payloadAsString()));
            }
        });
    }

    /** Whether the evidence of {@code txId} would be served from memory now (for tests). */
    boolean holdsInMemory(String txId) {
        return recentBlocks.holds(txId);
    }

    @Override
    public void close() {
        recentSubscription.close();
        ledger.close();
        recentBlocks.close();
    }
}
