package org.qcchain.node.ledger.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;
import org.qcchain.ledger.embedded.ChannelMembership;
import org.qcchain.ledger.embedded.EmbeddedLedger;
import org.qcchain.ledger.embedded.LedgerListener;
import org.qcchain.ledger.embedded.LedgerOptions;
import org.qcchain.ledger.embedded.LedgerTamperedException;
import org.qcchain.ledger.embedded.MembershipUpdate;
import org.qcchain.ledger.embedded.ProgressListener;
import org.qcchain.ledger.embedded.VerificationReport;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.Committed;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerEvent;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.simulator.ChaincodeEventRecord;
import org.qcchain.simulator.ChaincodeRunner;

/**
 * {@link LedgerBackend} over an {@link EmbeddedLedger} in a folder of the node's data directory.
 *
 * <pre>{@code
 * LedgerBackend ledger = EmbeddedLedgerBackend.create(dataDir.resolve("ledger"), node,
 *     Map.of("BureauMSP", List.of(bureauCaPem)));
 * }</pre>
 */
public final class EmbeddedLedgerBackend implements LedgerBackend {

    /** Channel and chaincode names, fixed in block 0. */
    static final String CHANNEL = "qcchain";
    static final String CHAINCODE = "qcchain";

    private final EmbeddedLedger ledger;
    private final LedgerIdentity node;
    private final Submitter submitter;
    private final EvidenceReader evidence;

    private EmbeddedLedgerBackend(EmbeddedLedger ledger, LedgerIdentity node) {
        this.ledger = ledger;
        this.node = node;
        this.submitter = new Submitter(ledger, CHANNEL, CHAINCODE);
        this.evidence = new EvidenceReader(ledger);
    }

    /**
     * Opens the ledger in {@code folder}, creating it with its genesis block if it is new. This is
     * the one place where the node builds the ledger's options.
     *
     * @param folder the ledger's folder
     * @param node the node's identity: signs blocks and membership updates, submits data requests
     * @param genesisMembers the channel's first organisations and their PEM CA certificates
     *     (the operator's at least); must be the same on every opening of an existing ledger
     * @return the backend
     */
    public static EmbeddedLedgerBackend create(Path folder, LedgerIdentity node,
            Map<String, List<String>> genesisMembers) {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(node, "node");
        ChannelMembership.Builder membership = ChannelMembership.builder();
        new java.util.TreeMap<>(genesisMembers).forEach((mspId, pems) ->
                membership.organisation(mspId, pems.toArray(String[]::new)));
        LedgerOptions options = LedgerOptions.builder()
                .suite(node.identity().suite())
                .nodeIdentity(node.identity())
                .channel(CHANNEL).chaincode(CHAINCODE)
                .membership(membership.build())
                .maxBlockTransactions(200)
                .blockTimeout(Duration.ofMillis(10))
                .runner(Runner.INSTANCE)
                .build();
        return new EmbeddedLedgerBackend(EmbeddedLedger.open(folder, options), node);
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

    @Override
    public long height() {
        return ledger.height();
    }

    @Override
    public JsonNode verify() {
        return verify(ProgressListener.NONE);
    }

    /**
     * {@link #verify()} telling a listener how far it has come: {@code qcchain verify} prints it,
     * since a long chain takes minutes.
     *
     * @param progress hears blocks verified so far and the height
     * @return the report, as {@link #verify()}
     */
    public JsonNode verify(ProgressListener progress) {
        ObjectNode report = Json.mapper().createObjectNode();
        try {
            VerificationReport checked = ledger.verify(Objects.requireNonNull(progress, "progress"));
            report.put("intact", true);
            report.put("height", checked.height());
            report.put("transactions", checked.transactions());
            report.put("validTransactions", checked.validTransactions());
            report.put("stateKeys", checked.stateKeys());
            report.put("historyEntries", checked.historyEntries());
        } catch (LedgerTamperedException e) {
            report.put("intact", false);
            report.put("height", ledger.height());
            report.put("block", e.blockNumber());
            report.put("problem", e.getMessage());
        }
        return report;
    }

    @Override
    public synchronized void admit(String mspId, List<String> caCertificatesPem) {
        ChannelMembership current = ledger.membership();
        if (current.caCertificates(mspId).equals(caCertificatesPem)) {
            return; // already a member with these CAs: nothing to write
        }
        MembershipUpdate update = MembershipUpdate.sign(CHANNEL, current.sequence() + 1, mspId,
                caCertificatesPem, node.identity());
        ledger.updateMembership(update).join();
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

    @Override
    public void close() {
        ledger.close();
    }

    /** Building a runner scans the classpath for contracts, which is slow: once per process. */
    private static final class Runner {
        static final ChaincodeRunner INSTANCE = ChaincodeRunner.forContractsOnClasspath(CHAINCODE);
    }
}
