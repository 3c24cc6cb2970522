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
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The ordering and committing side, on one thread: cuts endorsed transactions into blocks (when
 * {@code maxBlockTransactions} are waiting, or {@code blockTimeout} after the first), validates,
 * seals and writes each block, and only then tells the submitters. One thread keeps block order
 * and state updates trivially serial; the expensive work (signatures, simulation) is done before.
 */
final class Committer implements Runnable {

    private static final Logger LOGGER = Logger.getLogger(Committer.class.getName());
    private static final long IDLE_POLL_MILLIS = 50;

    private final BlockingQueue<PendingTransaction> queue = new LinkedBlockingQueue<>();
    private final Connection connection;
    private final BlockValidator validator;
    private final BlockSealer sealer;
    private final BlockWriter writer;
    private final int maxTransactions;
    private final long timeoutNanos;
    private final Set<String> inFlight;
    private final Consumer<Committed> onCommit;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile LedgerException failure;
    private volatile long height;
    private byte[] tipHash;

    /** A block as written, for the ledger to announce. */
    record Committed(BlockSealer.Sealed block, List<OrderedTransaction> transactions) {}

    Committer(Connection connection, BlockValidator validator, BlockSealer sealer, BlockWriter writer,
            int maxTransactions, Duration timeout, Set<String> inFlight, long height, byte[] tipHash,
            Consumer<Committed> onCommit) {
        this.connection = connection;
        this.validator = validator;
        this.sealer = sealer;
        this.writer = writer;
        this.maxTransactions = maxTransactions;
        this.timeoutNanos = timeout.toNanos();
        this.inFlight = inFlight;
        this.height = height;
        this.tipHash = tipHash;
        this.onCommit = onCommit;
        this.thread = new Thread(this, "qcchain-ledger-committer");
    }

    void start() {
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
            pending.result().completeExceptionally(failed);
            return;
        }
        queue.add(pending);
    }

    /** Commits what is queued, then stops the thread. */
    void stop() {
        running = false;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        try {
            while (running || !queue.isEmpty()) {
                List<PendingTransaction> batch = nextBatch();
                if (!batch.isEmpty()) {
                    commit(batch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failRemaining(new LedgerException("the ledger is closed"));
    }

    private List<PendingTransaction> nextBatch() throws InterruptedException {
        List<PendingTransaction> batch = new ArrayList<>();
        PendingTransaction first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (first == null) {
            return batch;
        }
        batch.add(first);
        long deadline = System.nanoTime() + timeoutNanos;
        while (batch.size() < maxTransactions) {
            long left = deadline - System.nanoTime();
            PendingTransaction next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }

    private void commit(List<PendingTransaction> batch) {
        if (failure != null) {
            batch.forEach(p -> fail(p, failure));
            return;
        }
        long number = height;
        try {
            List<OrderedTransaction> ordered = validator.validate(connection, number, batch);
            List<byte[]> leaves = ordered.stream().map(OrderedTransaction::hash).toList();
            BlockHeader header = new BlockHeader(number, tipHash, MerkleTree.root(sealer.suite(), leaves),
                    System.currentTimeMillis(), ordered.stream().map(OrderedTransaction::code).toList(), null);
            BlockSealer.Sealed sealed = sealer.seal(header);
            writer.write(connection, sealed, ordered);
            tipHash = sealed.hash();
            height = number + 1;
            onCommit.accept(new Committed(sealed, ordered));
            ordered.forEach(tx -> complete(tx, number));
        } catch (SQLException | RuntimeException e) {
            // the database may be unusable: refuse everything from now on rather than guess
            failure = new LedgerException("committing block " + number + " failed: " + e.getMessage(), e);
            LOGGER.log(Level.SEVERE, failure.getMessage(), e);
            batch.forEach(p -> fail(p, failure));
        }
    }

    private void complete(OrderedTransaction tx, long number) {
        PendingTransaction pending = tx.pending();
        inFlight.remove(pending.txId());
        var simulation = pending.simulation();
        pending.result().complete(new CommitResult(pending.txId(), tx.code(), tx.reason(), simulation.status(),
                simulation.message(), simulation.payload(), tx.isValid() ? simulation.event() : Optional.empty(),
                OptionalLong.of(number)));
    }

    private void fail(PendingTransaction pending, LedgerException e) {
        inFlight.remove(pending.txId());
        pending.result().completeExceptionally(e);
    }

    private void failRemaining(LedgerException e) {
        PendingTransaction pending;
        while ((pending = queue.poll()) != null) {
            fail(pending, e);
        }
    }
}
