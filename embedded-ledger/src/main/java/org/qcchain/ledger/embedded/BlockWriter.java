package org.qcchain.ledger.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a block: first its {@link BlockFrame} to the {@link BlockFile}, forced to disk, which
 * makes the block durable; then the block header, the transaction index, the state changes and
 * the key history in one H2 transaction, with one JDBC batch per table. The force runs on a thread
 * of its own while the committer writes the rows, and H2 commits them only once the frame is
 * forced, so H2 never holds a committed block that a power cut could take from the block file (the
 * two took ~3 and ~5 ms per block one after the other). H2 stores its pages only when {@link
 * #storeIfDue} asks, between blocks ({@link Database}); after a crash it holds the blocks up to
 * some point, never part of one, and opening replays the later ones from the block file ({@link
 * BlockReplay}).
 */
final class BlockWriter implements AutoCloseable {

    private static final String INSERT_BLOCK = "INSERT INTO blocks (block_no, block_hash, previous_hash,"
            + " transactions_root, committed_at, genesis, config, signature, file_end)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_TRANSACTION = "INSERT INTO transactions (block_no, tx_no, tx_id, tx_hash,"
            + " validation_code, file_offset, file_length, tx_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final boolean forceEachBlock;
    private final long storeIntervalNanos;
    private final BlockFile blockFile;
    private final StateChanges stateChanges;
    private final StateCache cache;
    /** Forces each block's frame while the committer writes the block's rows. */
    private final ExecutorService forcer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "qcchain-ledger-forcer");
        thread.setDaemon(true);
        return thread;
    });
    /** Whether H2 holds committed blocks it has not stored. */
    private boolean unstored;
    private long lastStoreNanos = System.nanoTime();

    /**
     * A writer.
     *
     * @param forceEachBlock whether each block's frame is forced to disk before the block is
     *     committed; {@code false} leaves it to the OS (throwaway ledgers only)
     * @param storeInterval how long H2 may hold committed blocks before {@link #storeIfDue} has it store them
     * @param blockFile where the blocks' frames go
     * @param stateChanges writes the state and key history, numbering history rows on from the last stored
     * @param cache told of each block's writes once they are committed
     */
    BlockWriter(boolean forceEachBlock, Duration storeInterval, BlockFile blockFile, StateChanges stateChanges,
            StateCache cache) {
        this.forceEachBlock = forceEachBlock;
        this.storeIntervalNanos = storeInterval.toNanos();
        this.blockFile = blockFile;
        this.stateChanges = stateChanges;
        this.cache = cache;
    }

    /** The end of the block file: where the next block's frame goes. */
    long fileEnd() {
        return blockFile.end();
    }

    /**
     * Appends the block's frame (header, signature, transaction entries) to the block file, not
     * yet forced; returns where each entry starts.
     */
    long[] append(BlockSealer.Sealed block, List<OrderedTransaction> txs) {
        List<byte[]> entries = txs.stream().map(tx -> tx.pending().entry()).toList();
        return blockFile.append(BlockFrame.of(block, entries), entries);
    }

    /**
     * Starts forcing the appended frame to disk on the forcer thread: from then on the block
     * survives a crash, so {@link #commit} waits for it, and so does anyone told of the block. If
     * the disk does not confirm, the frame is cut off again ({@code committedEnd} is the file's end
     * before {@link #append}), as far as the disk still obeys; since that is not certain either,
     * the failure says the block's fate is unknown rather than that it failed.
     */
    Future<?> startForce(long number, long committedEnd) {
        if (!forceEachBlock) {
            return CompletableFuture.completedFuture(null);
        }
        return forcer.submit(() -> {
            try {
                blockFile.force();
            } catch (LedgerException e) {
                try {
                    blockFile.truncate(committedEnd);
                } catch (LedgerException cut) {
                    e.addSuppressed(cut);
                }
                throw new LedgerException("the disk did not confirm block " + number + "; whether it is on the"
                        + " ledger after a restart is unknown (check with the transaction ids): " + e.getMessage(), e);
            }
        });
    }

    /**
     * Writes the block's rows into the connection's transaction, not yet committed (H2 rolls back
     * an uncommitted transaction it finds at opening, whatever it stored of it). On failure rolls
     * back and, once the force is over, cuts the block file back to {@code committedEnd}.
     *
     * @return the number the next history row will have, for {@link #commit}
     */
    long writeRows(Connection connection, BlockSealer.Sealed block, List<OrderedTransaction> txs, long[] offsets,
            long committedEnd, Future<?> forced) throws SQLException {
        try {
            insertRows(connection, block.header(), block.hash(), block.signature(), txs, offsets, blockFile.end());
            return stateChanges.write(connection, block.header().number(), txs);
        } catch (SQLException | RuntimeException e) {
            cancel(connection, committedEnd, forced, e);
            throw e;
        }
    }

    /** Waits until the block's frame is forced; on failure rolls back the block's rows. */
    void awaitForce(Connection connection, long committedEnd, Future<?> forced) throws SQLException {
        try {
            await(forced);
        } catch (LedgerException e) {
            // the forcer cut the frame off already, as far as the disk obeys
            connection.rollback();
            throw e;
        }
    }

    /**
     * Commits the block's rows, its frame forced ({@link #awaitForce}); on failure rolls back and
     * cuts the block file back to {@code committedEnd}.
     */
    void commit(Connection connection, BlockSealer.Sealed block, List<OrderedTransaction> txs, long committedEnd,
            long nextSeq) throws SQLException {
        try {
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            cancel(connection, committedEnd, CompletableFuture.completedFuture(null), e);
            throw e;
        }
        // committed: from here on the frame must stay, whatever fails
        unstored = true;
        stateChanges.committed(nextSeq);
        cache.committed(block.header().number(), StateCache.writesOf(block.header().number(), txs));
    }

    /** Undoes a block whose rows failed: rolls back, and cuts its frame off once no force is at work on it. */
    private void cancel(Connection connection, long committedEnd, Future<?> forced, Exception cause) throws SQLException {
        try {
            await(forced);
        } catch (LedgerException e) {
            cause.addSuppressed(e);
        }
        connection.rollback();
        blockFile.truncate(committedEnd);
    }

    private static void await(Future<?> forced) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    forced.get();
                    return;
                } catch (InterruptedException e) {
                    // the committer is not interrupted to stop, but a force half-waited for must not be left behind
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof LedgerException failed ? failed
                    : new LedgerException("forcing the block file failed: " + e.getCause(), e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Has H2 store the blocks committed since it last stored, if that was at least the store
     * interval ago; call it between blocks (the pages H2 takes are then of whole blocks only).
     * The store also writes the pages {@link SpaceReclaimer} rewrote since the last. It does not
     * wait: H2 writes the pages on a thread of its own, and if a store or a compaction step holds
     * H2's store lock it is tried again at the next call.
     */
    void storeIfDue(Connection connection) throws SQLException {
        long now = System.nanoTime();
        if (unstored && now - lastStoreNanos >= storeIntervalNanos && Database.tryStore(connection)) {
            unstored = false;
            lastStoreNanos = now;
        }
    }

    /**
     * The block's header row and transaction index rows, in the connection's transaction (the
     * caller commits); the state and history come from {@link StateChanges}.
     */
    static void insertRows(Connection connection, BlockHeader header, byte[] hash, byte[] signature,
            List<? extends BlockTransaction> txs, long[] offsets, long fileEnd) throws SQLException {
        insertBlock(connection, header, hash, signature, fileEnd);
        insertTransactions(connection, header.number(), txs, offsets);
    }

    private static void insertBlock(Connection connection, BlockHeader header, byte[] hash, byte[] signature,
            long fileEnd) throws SQLException {
        PreparedStatement insert = Statements.prepare(connection, INSERT_BLOCK);
        insert.setLong(1, header.number());
        insert.setBytes(2, hash);
        insert.setBytes(3, header.previousHash());
        insert.setBytes(4, header.transactionsRoot());
        insert.setLong(5, header.timestampMillis());
        insert.setString(6, header.genesis() == null ? null : header.genesis().toCanonicalJson());
        insert.setString(7, header.config() == null ? null : header.config().toCanonicalJson());
        insert.setBytes(8, signature);
        insert.setLong(9, fileEnd);
        insert.executeUpdate();
    }

    private static void insertTransactions(Connection connection, long block, List<? extends BlockTransaction> txs,
            long[] offsets) throws SQLException {
        if (txs.isEmpty()) {
            return;
        }
        PreparedStatement insert = StateChanges.batch(connection, INSERT_TRANSACTION);
        for (int i = 0; i < txs.size(); i++) {
            BlockTransaction tx = txs.get(i);
            insert.setLong(1, block);
            insert.setInt(2, tx.txNumber());
            insert.setString(3, tx.txId());
            insert.setBytes(4, tx.hash());
            insert.setString(5, tx.code().name());
            insert.setLong(6, offsets[i]);
            insert.setInt(7, tx.entryLength());
            insert.setLong(8, TransactionKeys.of(tx.txId()));
            insert.addBatch();
        }
        insert.executeBatch();
    }

    @Override
    public void close() {
        forcer.shutdown();
        blockFile.close();
    }
}
