package org.qcchain.ledger.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes a block: first its transactions' entries to the {@link BlockFile}, forced to disk; then
 * the block header, the transaction index, the state changes and the key history in one database
 * transaction, with one JDBC batch per table; {@link #sync()} (called by the {@link BlockSyncer})
 * then forces H2's file to disk.
 * After a crash the database holds the last whole block, never part of one, and the block file
 * holds at least every entry the database points to (opening cuts off the rest).
 */
final class BlockWriter implements AutoCloseable {

    private static final String INSERT_BLOCK = "INSERT INTO blocks (block_no, block_hash, previous_hash,"
            + " transactions_root, committed_at, genesis, config, signature, file_end)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_TRANSACTION = "INSERT INTO transactions (block_no, tx_no, tx_id, tx_hash,"
            + " validation_code, file_offset, file_length, tx_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final FileChannel file;
    private final BlockFile blockFile;
    private final StateChanges stateChanges;
    private final StateCache cache;

    /**
     * A writer.
     *
     * @param databaseFile H2's file, forced after each commit; {@code null} to leave that to the OS
     *     (and then the block file is not forced either)
     * @param blockFile where the transactions' entries go
     * @param stateChanges writes the state and key history, numbering history rows on from the last stored
     * @param cache told of each block's writes once they are committed
     */
    BlockWriter(Path databaseFile, BlockFile blockFile, StateChanges stateChanges, StateCache cache) {
        this.blockFile = blockFile;
        this.stateChanges = stateChanges;
        this.cache = cache;
        try {
            // fsync works on any descriptor of the file, so H2's own lock is not disturbed
            this.file = databaseFile == null ? null : FileChannel.open(databaseFile, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new LedgerException("cannot open " + databaseFile + " to sync it", e);
        }
    }

    /** The end of the block file: where the next block's entries go. */
    long fileEnd() {
        return blockFile.end();
    }

    /**
     * Appends the block's transaction entries to the block file and forces it (when syncing), so
     * that they are on disk before the database refers to them; returns where each entry starts.
     */
    long[] appendEntries(List<OrderedTransaction> txs) {
        long[] offsets = blockFile.append(txs.stream().map(tx -> tx.pending().entry()).toList());
        if (file != null) {
            blockFile.force();
        }
        return offsets;
    }

    /**
     * Writes and commits the block's rows; on failure rolls back and cuts the block file back to
     * {@code committedEnd}, its end before {@link #appendEntries}.
     */
    void write(Connection connection, BlockSealer.Sealed block, List<OrderedTransaction> txs, long[] offsets,
            long committedEnd) throws SQLException {
        try {
            insertRows(connection, block, txs, offsets, blockFile.end());
            long nextSeq = stateChanges.write(connection, block.header().number(), txs);
            connection.commit();
            stateChanges.committed(nextSeq);
            cache.committed(block.header().number(), StateCache.writesOf(block.header().number(), txs));
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            blockFile.truncate(committedEnd);
            throw e;
        }
    }

    /**
     * The block's header row and transaction index rows, in the connection's transaction (the
     * caller commits); the state and history come from {@link StateChanges}.
     */
    static void insertRows(Connection connection, BlockSealer.Sealed block, List<OrderedTransaction> txs,
            long[] offsets, long fileEnd) throws SQLException {
        insertBlock(connection, block, fileEnd);
        insertTransactions(connection, block.header().number(), txs, offsets);
    }

    private static void insertBlock(Connection connection, BlockSealer.Sealed block, long fileEnd)
            throws SQLException {
        BlockHeader header = block.header();
        PreparedStatement insert = Statements.prepare(connection, INSERT_BLOCK);
        insert.setLong(1, header.number());
        insert.setBytes(2, block.hash());
        insert.setBytes(3, header.previousHash());
        insert.setBytes(4, header.transactionsRoot());
        insert.setLong(5, header.timestampMillis());
        insert.setString(6, header.genesis() == null ? null : header.genesis().toCanonicalJson());
        insert.setString(7, header.config() == null ? null : header.config().toCanonicalJson());
        insert.setBytes(8, block.signature());
        insert.setLong(9, fileEnd);
        insert.executeUpdate();
    }

    private static void insertTransactions(Connection connection, long block, List<OrderedTransaction> txs,
            long[] offsets) throws SQLException {
        if (txs.isEmpty()) {
            return;
        }
        PreparedStatement insert = StateChanges.batch(connection, INSERT_TRANSACTION);
        for (int i = 0; i < txs.size(); i++) {
            OrderedTransaction tx = txs.get(i);
            insert.setLong(1, block);
            insert.setInt(2, tx.txNumber());
            insert.setString(3, tx.pending().txId());
            insert.setBytes(4, tx.hash());
            insert.setString(5, tx.code().name());
            insert.setLong(6, offsets[i]);
            insert.setInt(7, tx.pending().entry().length);
            insert.setLong(8, TransactionKeys.of(tx.pending().txId()));
            insert.addBatch();
        }
        insert.executeBatch();
    }

    /** Forces what {@link #write} committed to the disk; tell nobody before this returns. */
    void sync() {
        if (file == null) {
            return;
        }
        try {
            file.force(false);
        } catch (IOException e) {
            throw new LedgerException("block committed but the disk did not confirm it: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        blockFile.close();
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                // nothing was written through this channel; there is nothing to lose
            }
        }
    }
}
