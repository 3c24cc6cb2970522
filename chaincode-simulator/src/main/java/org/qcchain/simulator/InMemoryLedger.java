package org.qcchain.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A small, complete ledger in one process, for testing chaincode: each transaction is simulated,
 * ordered into a block of its own, validated (MVCC) and committed, with key history and events.
 *
 * <pre>{@code
 * var ledger = new InMemoryLedger(runner, "qcchain", Instant.parse("2025-01-06T09:00:00Z"));
 * TransactionResult put = ledger.submit(operator, "registerOrganisation", "BankMSP");
 * assertThat(put.committed()).isTrue();
 * ledger.advance(Duration.ofDays(1));                   // consents expire, deterministically
 * SimulationResult read = ledger.evaluate(bank, "readOrganisation", "BankMSP");
 * }</pre>
 *
 * <p>As on Fabric: block 0 is the channel's genesis block, so the first transaction is block 1 and
 * its writes have version {@code (1, 0)}. A transaction whose chaincode fails, or that ran a
 * paginated query, is refused before ordering and takes no block. An ordered transaction that
 * fails validation takes its block but changes nothing. Simulations share a lock that commits
 * take exclusively, like the peer's commit lock, so no simulation sees half a commit.
 *
 * <p>The clock does not move by itself: every transaction's timestamp is {@link #now()}.
 *
 * <p>Thread-safe.
 */
public final class InMemoryLedger {

    private static final String VALID = "VALID";

    private final ChaincodeRunner runner;
    private final String channelId;
    private final InMemoryStateStore state = new InMemoryStateStore();
    private final ReadWriteLock commitLock = new ReentrantReadWriteLock();
    private final List<ChaincodeEventRecord> events = new ArrayList<>();
    private final Set<String> orderedTxIds = new HashSet<>();
    private long height = 1;
    private Instant now;

    /**
     * An empty ledger.
     *
     * @param runner runs the chaincode
     * @param channelId the channel's name
     * @param startTime the clock's first reading
     */
    public InMemoryLedger(ChaincodeRunner runner, String channelId, Instant startTime) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.channelId = Objects.requireNonNull(channelId, "channelId");
        if (channelId.isBlank()) {
            throw new IllegalArgumentException("channelId must not be blank");
        }
        this.now = Objects.requireNonNull(startTime, "startTime");
    }

    /** Sets the clock. */
    public synchronized void setTime(Instant now) {
        this.now = Objects.requireNonNull(now, "now");
    }

    /**
     * Moves the clock forward.
     *
     * @throws IllegalArgumentException if the duration is negative
     */
    public synchronized void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward, not by " + duration);
        }
        now = now.plus(duration);
    }

    /** The clock's reading: the timestamp of the next transaction. */
    public synchronized Instant now() {
        return now;
    }

    /**
     * Submits a transaction: simulates it, orders it into the next block, validates and commits it.
     *
     * @param creator the submitter's serialized identity (see {@link Identities})
     * @param function the transaction function, {@code contract:function} for a non-default contract
     * @param args its arguments
     */
    public TransactionResult submit(byte[] creator, String function, String... args) {
        return order(endorse(creator, false, function, args));
    }

    /** Submits an init transaction ({@link Proposal#init()}), as {@link #submit}. */
    public TransactionResult init(byte[] creator, String function, String... args) {
        return order(endorse(creator, true, function, args));
    }

    /** Evaluates a transaction: simulates it against the current state, commits nothing. */
    public SimulationResult evaluate(byte[] creator, String function, String... args) {
        return endorse(creator, false, function, args).simulation();
    }

    /**
     * Simulates a transaction now and leaves ordering to {@link #order(Endorsement)}: transactions
     * endorsed on the same state and then ordered one after the other meet MVCC conflicts.
     */
    public Endorsement endorse(byte[] creator, String function, String... args) {
        return endorse(creator, false, function, args);
    }

    /**
     * Orders an endorsed transaction into the next block, validates it against the state as it is
     * now, and commits it if valid.
     *
     * @throws IllegalArgumentException if the endorsement is for another channel
     */
    public TransactionResult order(Endorsement endorsement) {
        Objects.requireNonNull(endorsement, "endorsement");
        Proposal proposal = endorsement.proposal();
        SimulationResult simulation = endorsement.simulation();
        if (!proposal.channelId().equals(channelId)) {
            throw new IllegalArgumentException("transaction " + proposal.txId() + " is for channel "
                    + proposal.channelId() + ", not " + channelId);
        }
        if (!simulation.isSuccess()) {
            return new TransactionResult(simulation, false, "ENDORSEMENT_FAILURE: chaincode returned "
                    + simulation.status() + " " + simulation.message());
        }
        if (simulation.readWriteSet().hasPaginatedQuery()) {
            return new TransactionResult(simulation, false, "PAGINATED_QUERY: Fabric supports "
                    + "paginated queries only in evaluations, never in a committed transaction");
        }
        commitLock.writeLock().lock();
        try {
            long block = height++;
            if (!orderedTxIds.add(proposal.txId())) {
                return new TransactionResult(simulation, false,
                        "DUPLICATE_TXID: transaction " + proposal.txId() + " was already ordered");
            }
            Optional<String> conflict = simulation.readWriteSet().findConflict(state);
            if (conflict.isPresent()) {
                return new TransactionResult(simulation, false, conflict.get());
            }
            state.apply(simulation.readWriteSet(), new Version(block, 0), proposal.txId(),
                    proposal.timestamp());
            simulation.event().ifPresent(events::add);
            return new TransactionResult(simulation, true, VALID);
        } finally {
            commitLock.writeLock().unlock();
        }
    }

    /** The world state; read it to check what transactions wrote. */
    public InMemoryStateStore state() {
        return state;
    }

    /** The events of committed transactions, in commit order. */
    public List<ChaincodeEventRecord> events() {
        commitLock.readLock().lock();
        try {
            return List.copyOf(events);
        } finally {
            commitLock.readLock().unlock();
        }
    }

    /** The number of blocks, the genesis block included: 1 for a new ledger. */
    public long height() {
        commitLock.readLock().lock();
        try {
            return height;
        } finally {
            commitLock.readLock().unlock();
        }
    }

    private Endorsement endorse(byte[] creator, boolean init, String function, String... args) {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(args, "args");
        String[] all = new String[args.length + 1];
        all[0] = function;
        System.arraycopy(args, 0, all, 1, args.length);
        Proposal proposal = Proposal.builder()
                .channelId(channelId)
                .chaincodeName(runner.chaincodeName())
                .creator(Objects.requireNonNull(creator, "creator"))
                .nonce(Proposal.randomNonce())
                .timestamp(now())
                .args(all)
                .init(init)
                .build();
        commitLock.readLock().lock();
        try {
            return new Endorsement(proposal, runner.simulate(proposal, state));
        } finally {
            commitLock.readLock().unlock();
        }
    }
}
