package org.qcchain.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeServer;

/**
 * Runs Fabric Java contracts in-process as a peer would: each proposal goes through the shim's own
 * {@link ContractRouter} to the {@code @Contract} class and function it names, against a {@link
 * SimulatedStub}, and comes back as a {@link SimulationResult} with its read/write set.
 *
 * <pre>{@code
 * ChaincodeRunner runner = ChaincodeRunner.forContractsOnClasspath("qcchain");  // once: slow
 * SimulationResult result = runner.simulate(proposal, state);                   // many times
 * }</pre>
 *
 * <p>What building one does, as the shim does it:
 *
 * <ul>
 *   <li>The router scans the <em>whole classpath</em> (ClassGraph) for {@code @Contract} classes
 *       implementing {@code ContractInterface} and for {@code @DataType} classes, and validates
 *       the generated contract metadata against a JSON schema. This takes a noticeable time: build
 *       a runner once. Every contract on the classpath is routed, plus the shim's own {@code
 *       org.hyperledger.fabric:GetMetadata}. A function name without a {@code contract:} prefix
 *       goes to the {@code @Default} contract.
 *   <li>The router reads {@code config.props} from the classpath, if any, for metrics and traces.
 *       Without one (or with {@code CHAINCODE_METRICS_ENABLED} and {@code
 *       CHAINCODE_TRACES_ENABLED} not {@code true}) both are no-op providers: nothing touches the
 *       network. Even when enabled, only the peer connection (unused here) creates spans.
 *   <li>The router also reads the shim's environment ({@code CORE_CHAINCODE_ID_NAME}, {@code
 *       CORE_PEER_TLS_ENABLED}...); with {@code CORE_PEER_TLS_ENABLED=true} but no TLS files set,
 *       it refuses to start. The {@code --id} given here wins over {@code CORE_CHAINCODE_ID_NAME}.
 *   <li>The shim's loggers are set to WARNING and the root handlers it rewrites are restored (see
 *       {@code ShimLogging}); set the {@code org.hyperledger} logger's level to see more.
 *   <li>Loading the shim registers Bouncy Castle as the last JCA security provider; the runner
 *       puts an X.509 certificate factory first that reads SM2 certificates and remembers parsed
 *       ones (see {@link CreatorCertificates}).
 * </ul>
 *
 * <p>Thread-safe: simulate many proposals concurrently. Contracts are instantiated per
 * transaction, as in the shim. Build runners while nothing simulates: the shim keeps the metadata
 * of {@code @DataType} classes in static maps, which building a router writes and validating an
 * argument of such a type reads.
 */
public final class ChaincodeRunner {

    private static final Logger LOGGER = Logger.getLogger(ChaincodeRunner.class.getName());

    /** The shim keeps its registries in static state; routers are built one at a time. */
    private static final Object ROUTER_CONSTRUCTION = new Object();

    private final String chaincodeName;
    private final String peerMspId;
    private final ContractRouter router;

    private ChaincodeRunner(String chaincodeName, String peerMspId, ContractRouter router) {
        this.chaincodeName = chaincodeName;
        this.peerMspId = peerMspId;
        this.router = router;
    }

    /**
     * A runner for every contract on the classpath, with no peer MSP id ({@code
     * ChaincodeStub.getMspId()} throws, as without {@code CORE_PEER_LOCALMSPID}).
     *
     * @param chaincodeName the chaincode's name, which proposals must name
     */
    public static ChaincodeRunner forContractsOnClasspath(String chaincodeName) {
        return forContractsOnClasspath(chaincodeName, null);
    }

    /**
     * A runner for every contract on the classpath, endorsing as a peer of the given MSP.
     *
     * @param chaincodeName the chaincode's name, which proposals must name
     * @param peerMspId what {@code ChaincodeStub.getMspId()} returns; {@code null} for none
     */
    public static ChaincodeRunner forContractsOnClasspath(String chaincodeName, String peerMspId) {
        Objects.requireNonNull(chaincodeName, "chaincodeName");
        if (chaincodeName.isBlank()) {
            throw new IllegalArgumentException("chaincodeName must not be blank");
        }
        // the shim parses every creator certificate with the JVM's default X.509 factory: SM2 needs
        // Bouncy Castle's, and remembering the few certificates that sign most transactions saves a parse each
        CreatorCertificates.install();
        return new ChaincodeRunner(chaincodeName, peerMspId, newRouter(chaincodeName));
    }

    /** The chaincode this runner runs. */
    public String chaincodeName() {
        return chaincodeName;
    }

    /**
     * Simulates a proposal: routes it to its contract function ({@code init} when {@link
     * Proposal#init()}) and returns the response with what the transaction read and wrote. Nothing
     * is committed.
     *
     * @param proposal the proposal; it must name this runner's chaincode
     * @param state the committed state the transaction reads
     * @throws IllegalArgumentException if the proposal names another chaincode
     */
    public SimulationResult simulate(Proposal proposal, StateStore state) {
        Objects.requireNonNull(proposal, "proposal");
        Objects.requireNonNull(state, "state");
        if (!proposal.chaincodeName().equals(chaincodeName)) {
            throw new IllegalArgumentException("proposal " + proposal.txId() + " is for chaincode "
                    + proposal.chaincodeName() + ", this runner runs " + chaincodeName);
        }
        SimulatedStub stub = new SimulatedStub(proposal, state, peerMspId);
        Chaincode.Response response;
        try {
            response = proposal.init() ? router.init(stub) : router.invoke(stub);
        } catch (RuntimeException e) {
            // the router catches everything; should the shim ever not, the peer would see an error
            response = new Chaincode.Response(Chaincode.Response.Status.INTERNAL_SERVER_ERROR,
                    Objects.toString(e.getMessage(), e.toString()), null);
        } finally {
            stub.complete();
        }
        return toResult(proposal, stub, response);
    }

    private static SimulationResult toResult(Proposal proposal, SimulatedStub stub,
            Chaincode.Response response) {
        int status = response.getStatusCode();
        String message = response.getMessage();
        byte[] payload = response.getPayload();
        if (!Chaincode.Response.Status.hasStatusForCode(status)) {
            // the shim cannot encode such a response and reports an error to the peer instead
            message = "chaincode returned status " + status + ", which the shim cannot send";
            status = Chaincode.Response.Status.INTERNAL_SERVER_ERROR.getCode();
            payload = null;
        }
        ChaincodeEvent event = stub.getEvent();
        Optional<ChaincodeEventRecord> record = Optional.ofNullable(event).map(e ->
                new ChaincodeEventRecord(proposal.chaincodeName(), proposal.txId(), e.getEventName(),
                        e.getPayload().toByteArray()));
        return new SimulationResult(proposal.txId(), status, message, payload, stub.readWriteSet(),
                record);
    }

    private static ContractRouter newRouter(String chaincodeName) {
        synchronized (ROUTER_CONSTRUCTION) {
            ShimLogging logging = ShimLogging.mute();
            try {
                ContractRouter router =
                        new ContractRouter(new String[] {"--id", chaincodeName + ":simulated"});
                ShimLogging.quietShimLoggers();
                router.startRouterWithChaincodeServer(NoServer.INSTANCE);
                warnIfTelemetryEnabled(router.getChaincodeConfig());
                return router;
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the contract router", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the contract router", e);
            } finally {
                logging.restore();
            }
        }
    }

    private static void warnIfTelemetryEnabled(Properties config) {
        for (String switchName : new String[] {"CHAINCODE_METRICS_ENABLED",
                "CHAINCODE_TRACES_ENABLED"}) {
            if (Boolean.parseBoolean(config.getProperty(switchName))) {
                LOGGER.warning(() -> "config.props on the classpath sets " + switchName
                        + "=true: the shim has started its telemetry provider, which may export over the "
                        + "network");
            }
        }
    }

    /** The router registers its contracts, then starts a server; here there is none. */
    private enum NoServer implements ChaincodeServer {
        INSTANCE;

        @Override
        public void start() {}

        @Override
        public void stop() {}
    }
}
