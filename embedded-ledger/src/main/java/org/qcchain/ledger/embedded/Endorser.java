package org.qcchain.ledger.embedded;

import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.simulator.ChaincodeRunner;
import org.qcchain.simulator.SimulationResult;

/**
 * The endorsing side, on the worker threads: verifies a proposal and that its creator is a member
 * of the channel, refuses a transaction id already known, simulates the chaincode on a snapshot of the committed state, and hands a successful
 * simulation to the committer. A chaincode error is answered at once and never ordered, as a
 * Fabric gateway does at endorsement.
 */
final class Endorser {

    private final ProposalVerifier verifier;
    private final MembershipState membership;
    private final ChaincodeRunner runner;
    private final Database database;
    private final Set<String> inFlight;
    private final Committer committer;
    private final CryptoSuite suite;
    private final StageClock clock;
    private final CommittedIds committedIds;
    private final StateCache cache;
    private final StoredKeys storedKeys;

    Endorser(ProposalVerifier verifier, MembershipState membership, ChaincodeRunner runner, Database database,
            Set<String> inFlight, Committer committer, CryptoSuite suite, StageClock clock, CommittedIds committedIds,
            StateCache cache, StoredKeys storedKeys) {
        this.committedIds = committedIds;
        this.cache = cache;
        this.storedKeys = storedKeys;
        this.suite = suite;
        this.clock = clock;
        this.verifier = verifier;
        this.membership = membership;
        this.runner = runner;
        this.database = database;
        this.inFlight = inFlight;
        this.committer = committer;
    }

    /** Endorses and queues, or completes {@code result} with the refusal. */
    void endorse(SignedProposal signed, CompletableFuture<CommitResult> result) {
        ChannelMembership members = membership.current();
        ParsedProposal parsed;
        try {
            parsed = admit(signed, members);
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
        if (!inFlight.add(txId)) {
            result.complete(duplicate(txId));
            return;
        }
        PendingTransaction pending;
        try {
            // one snapshot for the id lookup and the simulation: one connection checkout, not two
            SimulationResult simulation = database.read(connection -> {
                long start = clock.start();
                // the filter holds every stored id: only a "maybe" (a duplicate, or ~1 % false positives) asks H2
                boolean known = committedIds.mightContain(txId) && BlockReader.transactionExists(connection, txId);
                start = clock.record(Stage.DUPLICATE_CHECK, start);
                if (known) {
                    return null;
                }
                SimulationResult simulated = runner.simulate(parsed.proposal(), state(connection));
                clock.record(Stage.SIMULATE, start);
                return simulated;
            });
            if (simulation == null) {
                inFlight.remove(txId);
                result.complete(duplicate(txId));
                return;
            }
            if (!simulation.isSuccess() || simulation.readWriteSet().hasPaginatedQuery()) {
                inFlight.remove(txId);
                result.complete(refusal(simulation));
                return;
            }
            long start = clock.start();
            pending = PendingTransaction.of(signed, parsed, simulation, result, suite, members.sequence());
            clock.record(Stage.ENCODE, start);
        } catch (RuntimeException e) {
            inFlight.remove(txId);
            throw e;
        }
        committer.enqueue(pending);
    }

    private static CommitResult duplicate(String txId) {
        return CommitResult.refused(txId, ValidationCode.DUPLICATE_TXID, "DUPLICATE_TXID: transaction " + txId
                + " was submitted before", 0, "", new byte[0]);
    }

    /** The decoded proposal, once its signature verifies and its creator is a member now. */
    ParsedProposal admit(SignedProposal signed) throws ProposalRejectedException {
        return admit(signed, membership.current());
    }

    private ParsedProposal admit(SignedProposal signed, ChannelMembership members) throws ProposalRejectedException {
        ParsedProposal parsed = verifier.verify(signed);
        long start = clock.start();
        membership.check().check(parsed, members);
        clock.record(Stage.MEMBERSHIP, start);
        return parsed;
    }

    /** Simulates on a consistent snapshot of the committed state. */
    SimulationResult simulate(ParsedProposal parsed) {
        return database.read(connection -> runner.simulate(parsed.proposal(), state(connection)));
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

    /** What a simulation on {@code connection}'s snapshot reads. */
    private CachedStateStore state(Connection connection) {
        return new CachedStateStore(connection, cache, storedKeys);
    }
}
