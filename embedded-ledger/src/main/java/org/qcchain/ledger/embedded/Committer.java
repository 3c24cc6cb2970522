package org.qcchain.ledger.embedded;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The ordering and committing side, on one thread: cuts endorsed transactions into blocks (when
 * {@code maxBlockTransactions} are waiting, or {@code blockTimeout} after the first, or as soon as
 * the queue is empty and no endorsement is under way, since then nothing more can come soon and
 * waiting out the timeout would only idle the pipeline), validates, seals, writes and commits each
 * block (its frame forced to the block file before H2 commits it), then hands it to the {@link
 * BlockAnnouncer}, which tells the submitters and listeners while this thread goes on with the next
 * block. A membership update gets a config
 * block of its own, in queue order, and applies from the next block on. One thread keeps block
 * order and state updates trivially serial; the expensive work (signatures, simulation) is done
 * before.
 */
final class Committer implements Runnable {

    private static final Logger LOGGER = Logger.getLogger(Committer.class.getName());
    private static final long IDLE_POLL_MILLIS = 50;
    /** How often a filling block looks again whether endorsements are still under way. */
    private static final long FILL_SLICE_NANOS = 200_000;

    private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
    private final Connection connection;
    private final BlockValidator validator;
    private final BlockSealer sealer;
    private final BlockWriter writer;
    private final Limits limits;
    private final Set<String> inFlight;
    private final AtomicInteger endorsing;
    private final MembershipState membership;
    private final ConfigCheck configCheck;
    private final StageClock clock;
    private final CommittedIds committedIds;
    private final Consumer<Committed> onCommit;
    private final BlockAnnouncer announcer;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile LedgerException failure;
    private volatile long height;
    private byte[] tipHash;
    /** A config update met while filling a block: it goes into the next block, alone. */
    private PendingConfig held;

    /** A block as written, for the ledger to announce. */
    record Committed(BlockSealer.Sealed block, List<OrderedTransaction> transactions) {}

    /** When to cut a block. */
    record Limits(int maxTransactions, Duration timeout, boolean cutWhenIdle) {}

    Committer(Connection connection, BlockValidator validator, BlockSealer sealer, BlockWriter writer, Limits limits,
            Set<String> inFlight, AtomicInteger endorsing, MembershipState membership, ConfigCheck configCheck,
            Bootstrap.Tip tip, StageClock clock, CommittedIds committedIds, Consumer<Committed> onCommit) {
        this.committedIds = committedIds;
        this.endorsing = endorsing;
        this.clock = clock;
        this.connection = connection;
        this.validator = validator;
        this.sealer = sealer;
        this.writer = writer;
        this.limits = limits;
        this.inFlight = inFlight;
        this.membership = membership;
        this.configCheck = configCheck;
        this.height = tip.height();
        this.tipHash = tip.hash();
        this.onCommit = onCommit;
        this.announcer = new BlockAnnouncer(clock);
        this.thread = new Thread(this, "qcchain-ledger-committer");
    }

    void start() {
        announcer.start();
        thread.start();
    }

    /** The number of committed blocks. */
    long height() {
        return height;
    }

    /** Queues an endorsed transaction for the next block. */
    void enqueue(PendingTransaction pending) {
        LedgerException failed = failure;
        if (failed != null) {
            inFlight.remove(pending.txId());
            pending.fail(failed);
            return;
        }
        queue.add(pending);
    }

    /** Queues a membership update for a config block of its own. */
    void enqueue(PendingConfig pending) {
        LedgerException failed = failure;
        if (failed != null) {
            pending.fail(failed);
            return;
        }
        queue.add(pending);
    }

    /** Commits what is queued and waits until it is on disk and announced, then stops the threads. */
    void stop() {
        running = false;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        announcer.stop();
    }

    @Override
    public void run() {
        try {
            while (running || !queue.isEmpty() || held != null) {
                if (held != null) {
                    PendingConfig config = held;
                    held = null;
                    commitConfig(config);
                    storeIfDue();
                    continue;
                }
                List<PendingTransaction> batch = nextBatch();
                if (!batch.isEmpty()) {
                    commit(batch);
                }
                storeIfDue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failRemaining(new LedgerException("the ledger is closed"));
    }

    private List<PendingTransaction> nextBatch() throws InterruptedException {
        List<PendingTransaction> batch = new ArrayList<>();
        Queued first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (first == null || hold(first)) {
            return batch;
        }
        PendingTransaction oldest = (PendingTransaction) first;
        batch.add(oldest);
        // the timeout runs from the oldest transaction's arrival, as Fabric's batch timeout does: one
        // that waited while the previous block was being committed has waited long enough already,
        // so under load a block is cut as soon as the queue is drained, never after an idle wait
        long deadline = oldest.queuedAtNanos() + limits.timeout().toNanos();
        while (batch.size() < limits.maxTransactions()) {
            Queued next = queue.poll();
            if (next == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || (limits.cutWhenIdle() && endorsing.get() == 0)) {
                    break;
                }
                next = queue.poll(Math.min(left, FILL_SLICE_NANOS), TimeUnit.NANOSECONDS);
                if (next == null) {
                    continue;
                }
            }
            if (hold(next)) {
                break;
            }
            batch.add((PendingTransaction) next);
        }
        return batch;
    }

    /** Keeps a config update for its own block; true if {@code next} was one. */
    private boolean hold(Queued next) {
        if (next instanceof PendingConfig config) {
            held = config;
            return true;
        }
        return false;
    }

    private void commit(List<PendingTransaction> batch) {
        if (failure != null) {
            batch.forEach(p -> fail(p, failure));
            return;
        }
        long number = height;
        try {
            batch.forEach(pending -> clock.recordWait(Stage.QUEUED, pending.queuedAtNanos()));
            long start = clock.start();
            List<OrderedTransaction> ordered = validator.validate(connection, number, batch, membership.current(),
                    membership.check());
            List<byte[]> leaves = ordered.stream().map(OrderedTransaction::hash).toList();
            BlockHeader header = new BlockHeader(number, tipHash, MerkleTree.root(sealer.suite(), leaves),
                    System.currentTimeMillis(), ordered.stream().map(OrderedTransaction::code).toList());
            clock.record(Stage.VALIDATE, start);
            BlockSealer.Sealed sealed = write(header, ordered);
            Committed committed = new Committed(sealed, ordered);
            announcer.submit(() -> {
                onCommit.accept(committed);
                ordered.forEach(tx -> complete(tx, number));
            });
        } catch (SQLException | RuntimeException e) {
            failAll(number, e, batch);
        }
    }

    private void commitConfig(PendingConfig config) {
        if (failure != null) {
            config.fail(failure);
            return;
        }
        ChannelMembership next;
        try {
            next = configCheck.apply(config.update(), membership.current());
        } catch (ProposalRejectedException e) {
            config.result().completeExceptionally(e);
            return;
        }
        long number = height;
        try {
            BlockHeader header = new BlockHeader(number, tipHash, MerkleTree.root(sealer.suite(), List.of()),
                    System.currentTimeMillis(), List.of(), null, config.update());
            BlockSealer.Sealed sealed = write(header, List.of());
            membership.advance(next);
            announcer.submit(() -> {
                onCommit.accept(new Committed(sealed, List.of()));
                config.result().complete(Records.block(sealed));
            });
        } catch (SQLException | RuntimeException e) {
            failAll(number, e, List.of(config));
        }
    }

    private BlockSealer.Sealed write(BlockHeader header, List<OrderedTransaction> ordered) throws SQLException {
        long start = clock.start();
        BlockSealer.Sealed sealed = sealer.seal(header);
        start = clock.record(Stage.SEAL, start);
        long committedEnd = writer.fileEnd();
        long[] offsets = writer.append(sealed, ordered);
        start = clock.record(Stage.APPEND, start);
        writer.force(header.number(), committedEnd);
        start = clock.record(Stage.FSYNC, start);
        writer.write(connection, sealed, ordered, offsets, committedEnd);
        // stored now: into the id filter before any id of the block leaves the in-flight set
        ordered.forEach(tx -> committedIds.add(tx.pending().txId()));
        clock.record(Stage.WRITE, start);
        tipHash = sealed.hash();
        height = header.number() + 1;
        return sealed;
    }

    /** Between blocks: has H2 store what it holds unstored, when due (also when idle). */
    private void storeIfDue() {
        if (failure != null) {
            return;
        }
        try {
            writer.storeIfDue(connection);
        } catch (SQLException | RuntimeException e) {
            // the blocks are durable in the block file; H2 failing to write means the disk is in trouble
            failure = new LedgerException("the ledger database could not store committed blocks: " + e.getMessage(), e);
            LOGGER.log(Level.SEVERE, failure.getMessage(), e);
        }
    }

    private void failAll(long number, Exception e, List<? extends Queued> batch) {
        // the database may be unusable: refuse everything from now on rather than guess
        failure = new LedgerException("committing block " + number + " failed: " + e.getMessage(), e);
        LOGGER.log(Level.SEVERE, failure.getMessage(), e);
        batch.forEach(p -> fail(p, failure));
    }

    private void complete(OrderedTransaction tx, long number) {
        PendingTransaction pending = tx.pending();
        inFlight.remove(pending.txId());
        var simulation = pending.simulation();
        pending.result().complete(new CommitResult(pending.txId(), tx.code(), tx.reason(), simulation.status(),
                simulation.message(), simulation.payload(), tx.isValid() ? simulation.event() : Optional.empty(),
                OptionalLong.of(number)));
    }

    private void fail(Queued queued, LedgerException e) {
        if (queued instanceof PendingTransaction pending) {
            inFlight.remove(pending.txId());
        }
        queued.fail(e);
    }

    private void failRemaining(LedgerException e) {
        Queued queued;
        while ((queued = queue.poll()) != null) {
            fail(queued, e);
        }
    }
}
