package org.qcchain.ledger.embedded;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.qcchain.simulator.ChaincodeRunner;
import org.qcchain.simulator.SimulationResult;

/**
 * The endorsing side, on the worker threads: verifies a proposal, refuses a transaction id already
 * known, simulates the chaincode on a snapshot of the committed state, and hands a successful
 * simulation to the committer. A chaincode error is answered at once and never ordered, as a
 * Fabric gateway does at endorsement.
 */
final class Endorser {

    private final ProposalVerifier verifier;
    private final ChaincodeRunner runner;
    private final Database database;
    private final Set<String> inFlight;
    private final Committer committer;

    Endorser(ProposalVerifier verifier, ChaincodeRunner runner, Database database, Set<String> inFlight,
            Committer committer) {
        this.verifier = verifier;
        this.runner = runner;
        this.database = database;
        this.inFlight = inFlight;
        this.committer = committer;
    }

    /** Endorses and queues, or completes {@code result} with the refusal. */
    void endorse(SignedProposal signed, CompletableFuture<CommitResult> result) {
        ParsedProposal parsed;
        try {
            parsed = verifier.verify(signed);
        } catch (ProposalRejectedException e) {
            result.complete(CommitResult.refused(txIdOrUnknown(signed), e.code(), e.getMessage(), 0, "",
                    new byte[0]));
            return;
        }
        String txId = parsed.proposal().txId();
        if (!parsed.proposal().transientData().isEmpty()) {
            result.complete(CommitResult.refused(txId, ValidationCode.BAD_PROPOSAL, "BAD_PROPOSAL: transient data "
                    + "would be stored with the proposal; pass it only to evaluate", 0, "", new byte[0]));
            return;
        }
        // claimed until committed, so a concurrent replay is refused here or in the block
        if (!inFlight.add(txId) || database.read(c -> BlockReader.transactionExists(c, txId))) {
            inFlight.remove(txId);
            result.complete(CommitResult.refused(txId, ValidationCode.DUPLICATE_TXID, "DUPLICATE_TXID: transaction "
                    + txId + " was submitted before", 0, "", new byte[0]));
            return;
        }
        SimulationResult simulation;
        try {
            simulation = simulate(parsed);
        } catch (RuntimeException e) {
            inFlight.remove(txId);
            throw e;
        }
        if (!simulation.isSuccess() || simulation.readWriteSet().hasPaginatedQuery()) {
            inFlight.remove(txId);
            result.complete(refusal(simulation));
            return;
        }
        committer.enqueue(new PendingTransaction(signed, parsed, simulation, result));
    }

    /** Simulates on a consistent snapshot of the committed state. */
    SimulationResult simulate(ParsedProposal parsed) {
        return database.read(connection -> runner.simulate(parsed.proposal(), new H2StateStore(connection)));
    }

    private static CommitResult refusal(SimulationResult simulation) {
        if (!simulation.isSuccess()) {
            return CommitResult.refused(simulation.txId(), ValidationCode.ENDORSEMENT_POLICY_FAILURE,
                    "ENDORSEMENT_POLICY_FAILURE: chaincode returned " + simulation.status() + " "
                            + simulation.message(), simulation.status(), simulation.message(), simulation.payload());
        }
        return CommitResult.refused(simulation.txId(), ValidationCode.PAGINATED_QUERY, "PAGINATED_QUERY: Fabric "
                + "allows paginated queries only in evaluations", simulation.status(), simulation.message(),
                simulation.payload());
    }

    private static String txIdOrUnknown(SignedProposal signed) {
        try {
            return signed.txId();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
