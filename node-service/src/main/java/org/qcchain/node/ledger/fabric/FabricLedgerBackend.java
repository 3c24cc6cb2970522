package org.qcchain.node.ledger.fabric;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.hyperledger.fabric.protos.common.BlockchainInfo;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.node.ApiException;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.Committed;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerEvent;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.ledger.VerifyProgress;

/**
 * {@link LedgerBackend} on a Hyperledger Fabric channel, through one gateway peer with the Fabric
 * Gateway client. The node submits and reads as its own member of its organisation (the MSP
 * folder of the configuration); calls made as another {@link LedgerIdentity} (a provider anchoring
 * its batches) go through the same peer with that identity's own certificate and key, and Fabric
 * checks them against the channel's MSPs like any other client's.
 *
 * <pre>{@code
 * LedgerBackend ledger = FabricLedgerBackend.connect(new FabricNetworkOptions("peer0.bureau:7051",
 *     Path.of("tls/ca.crt"), null, "datashare", "qcchain"), bureauMember);
 * }</pre>
 *
 * <p>What differs from the embedded ledger: evidence is the whole block ({@link
 * org.qcchain.common.answer.FabricEvidence}); {@link #verify} checks the hash chain the peer serves
 * but cannot replay state; {@link #admit} only confirms a membership the channel's admins made;
 * the suite is always {@link CryptoSuite#P256_SHA256}. See docs/fabric.md, "The node on Fabric".
 */
public final class FabricLedgerBackend implements LedgerBackend {

    /** The value of {@link #kind()} and of the evidence's {@code ledger}. */
    public static final String KIND = TransactionEvidence.FABRIC;

    private final GatewayConnection connection;
    private final LedgerIdentity node;
    private final FabricNetworkOptions options;
    private final FabricSubmitter submitter;
    private final SystemQueries queries;
    private final FabricReader reader;

    private FabricLedgerBackend(GatewayConnection connection, LedgerIdentity node, FabricNetworkOptions options) {
        this.connection = connection;
        this.node = node;
        this.options = options;
        this.submitter = new FabricSubmitter(connection, options.chaincode());
        this.queries = new SystemQueries(connection, node, options.channel());
        this.reader = new FabricReader(queries, options.channel());
    }

    /**
     * Prepares the connection to the gateway peer; gRPC connects on the first call, so a peer that
     * is down shows as {@code LEDGER_UNAVAILABLE} on calls, not here.
     *
     * @param options the gateway peer, channel and chaincode
     * @param node the node's member: reads, and submits data requests
     * @return the backend
     * @throws IllegalArgumentException if the node's key is not P-256, or the TLS root certificate
     *     cannot be read
     */
    public static FabricLedgerBackend connect(FabricNetworkOptions options, LedgerIdentity node) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(node, "node");
        if (node.identity().suite() != CryptoSuite.P256_SHA256) {
            throw new IllegalArgumentException("the node's identity has a " + node.identity().suite()
                    + " key; Fabric's MSP accepts ECDSA P-256 identities only");
        }
        try {
            return new FabricLedgerBackend(GatewayConnection.open(options), node, options);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot use TLS root certificate " + options.tlsRootCertificate()
                    + " for " + options.gatewayEndpoint() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public CryptoSuite suite() {
        return CryptoSuite.P256_SHA256;
    }

    /** @return the channel the node works on */
    public String channel() {
        return options.channel();
    }

    @Override
    public Committed submit(LedgerIdentity submitter, String function, String... args) throws ChaincodeFailure {
        return this.submitter.submit(submitter, function, args);
    }

    @Override
    public String evaluate(LedgerIdentity caller, String function, String... args) throws ChaincodeFailure {
        return submitter.evaluate(caller, function, args);
    }

    @Override
    public Optional<TransactionEvidence> evidence(String txId) {
        return reader.evidence(txId);
    }

    @Override
    public Optional<JsonNode> block(long number) {
        return reader.block(number);
    }

    @Override
    public Optional<JsonNode> transaction(String txId) {
        return reader.transaction(txId);
    }

    @Override
    public long height() {
        return queries.chainInfo().getHeight();
    }

    /**
     * Walks the chain from block 0 as the gateway peer serves it, checking block numbers, data
     * hashes and the previous-hash links ({@link ChainCheck}); it cannot replay the world state,
     * which only the peers hold.
     */
    @Override
    public JsonNode verify(VerifyProgress progress) {
        Objects.requireNonNull(progress, "progress");
        BlockchainInfo info = queries.chainInfo();
        return ChainCheck.run(number -> queries.block(number).orElseThrow(() ->
                new ApiException(ErrorCode.LEDGER_UNAVAILABLE, "the peer lost block " + number + " below its height "
                        + info.getHeight())), info.getHeight(), info.getCurrentBlockHash().toByteArray(), progress);
    }

    /**
     * Confirms that the channel already has {@code mspId} with these CAs: the node cannot change
     * a Fabric channel's membership (that takes a configuration update signed by the channel's
     * admins; docs/fabric.md, "Adding an organisation").
     */
    @Override
    public void admit(String mspId, List<String> caCertificatesPem) throws ChaincodeFailure {
        ChannelMembers.of(options.channel(), queries.channelConfig()).confirm(mspId, caCertificatesPem);
    }

    @Override
    public AutoCloseable subscribe(Consumer<LedgerEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        return ChaincodeEventFeed.start(connection.network(node), options.chaincode(), height(), listener);
    }

    @Override
    public void close() {
        connection.close();
    }
}
