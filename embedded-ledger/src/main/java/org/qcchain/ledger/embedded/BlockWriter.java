package org.qcchain.ledger.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * Writes a block: first its {@link BlockFrame} to the {@link BlockFile}, forced to disk, which
 * makes the block durable; then the block header, the transaction index, the state changes and
 * the key history in one H2 transaction, with one JDBC batch per table. H2 stores its pages only when
 * {@link #storeIfDue} asks, between blocks ({@link Database}); after a crash it holds the blocks up
 * to some point, never part of one, and opening replays the later ones from the block file ({@link
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
     * Forces the appended frame to disk: from then on the block survives a crash, so this comes
     * before H2 commits it and before anyone is told. If the disk does not confirm, the frame is
     * cut off again ({@code committedEnd} is the file's end before {@link #append}), as far as the
     * disk still obeys; since that is not certain either, the exception says the block's fate is
     * unknown rather than that it failed.
     */
    void force(long number, long committedEnd) {
        if (!forceEachBlock) {
            return;
        }
        try {
            blockFile.force();
        } catch (LedgerException e) {
            try {
                blockFile.truncate(committedEnd);
            } catch (LedgerException cut) {
                e.addSuppressed(cut);
            }
            throw new LedgerException("the disk did not confirm block " + number + "; whether it is on the ledger"
                    + " after a restart is unknown (check with the transaction ids): " + e.getMessage(), e);
        }
    }

    /**
     * Writes and commits the block's rows; on failure rolls back and cuts the block file back to
     * {@code committedEnd}, its end before {@link #append}.
     */
    void write(Connection connection, BlockSealer.Sealed block, List<OrderedTransaction> txs, long[] offsets,
            long committedEnd) throws SQLException {
        long nextSeq;
        try {
            insertRows(connection, block.header(), block.hash(), block.signature(), txs, offsets, blockFile.end());
            nextSeq = stateChanges.write(connection, block.header().number(), txs);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            blockFile.truncate(committedEnd);
            throw e;
        }
        // committed: from here on the frame must stay, whatever fails
        unstored = true;
        stateChanges.committed(nextSeq);
        cache.committed(block.header().number(), StateCache.writesOf(block.header().number(), txs));
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
        blockFile.close();
    }
}
