package org.qcchain.ledger.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.qcchain.simulator.KeyOrder;
import org.qcchain.simulator.Write;

/**
 * Writes a block: first its transactions' entries to the {@link BlockFile}, forced to disk; then
 * the block header, the transaction index, the state changes and the key history in one database
 * transaction, with one JDBC batch per table; {@link #sync()} then forces H2's file to disk once.
 * After a crash the database holds the last whole block, never part of one, and the block file
 * holds at least every entry the database points to (opening cuts off the rest).
 */
final class BlockWriter implements AutoCloseable {

    /** A state change of the block: the last write of a key, at the height of its writer. */
    private record Change(Write write, int txNumber) {}

    private static final String INSERT_BLOCK = "INSERT INTO blocks (block_no, block_hash, previous_hash,"
            + " transactions_root, committed_at, genesis, config, signature, file_end)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_TRANSACTION = "INSERT INTO transactions (block_no, tx_no, tx_id, tx_hash,"
            + " validation_code, file_offset, file_length) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String MERGE_STATE = "MERGE INTO state (state_key, state_value, block_no, tx_no)"
            + " KEY (state_key) VALUES (?, ?, ?, ?)";
    private static final String DELETE_STATE = "DELETE FROM state WHERE state_key = ?";
    private static final String INSERT_HISTORY = "INSERT INTO history (state_key, block_no, tx_no, tx_id,"
            + " tx_seconds, tx_nanos, is_delete, state_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final FileChannel file;
    private final BlockFile blockFile;

    /**
     * A writer.
     *
     * @param databaseFile H2's file, forced after each commit; {@code null} to leave that to the OS
     *     (and then the block file is not forced either)
     * @param blockFile where the transactions' entries go
     */
    BlockWriter(Path databaseFile, BlockFile blockFile) {
        this.blockFile = blockFile;
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
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            blockFile.truncate(committedEnd);
            throw e;
        }
    }

    /** The block's rows, in the connection's transaction (the caller commits). */
    static void insertRows(Connection connection, BlockSealer.Sealed block, List<OrderedTransaction> txs,
            long[] offsets, long fileEnd) throws SQLException {
        insertBlock(connection, block, fileEnd);
        insertTransactions(connection, block.header().number(), txs, offsets);
        applyState(connection, block.header().number(), txs);
        insertHistory(connection, block.header().number(), txs);
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
        PreparedStatement insert = batch(connection, INSERT_TRANSACTION);
        for (int i = 0; i < txs.size(); i++) {
            OrderedTransaction tx = txs.get(i);
            insert.setLong(1, block);
            insert.setInt(2, tx.txNumber());
            insert.setString(3, tx.pending().txId());
            insert.setBytes(4, tx.hash());
            insert.setString(5, tx.code().name());
            insert.setLong(6, offsets[i]);
            insert.setInt(7, tx.pending().entry().length);
            insert.addBatch();
        }
        insert.executeBatch();
    }

    private static void applyState(Connection connection, long block, List<OrderedTransaction> txs)
            throws SQLException {
        // a key written by two valid transactions of the block (blind writes) keeps the last write
        Map<String, Change> changes = new TreeMap<>(KeyOrder.COMPARATOR);
        for (OrderedTransaction tx : txs) {
            if (tx.isValid()) {
                tx.pending().simulation().readWriteSet().writes()
                        .forEach((key, write) -> changes.put(key, new Change(write, tx.txNumber())));
            }
        }
        PreparedStatement merge = batch(connection, MERGE_STATE);
        PreparedStatement delete = batch(connection, DELETE_STATE);
        int merges = 0;
        int deletes = 0;
        for (Map.Entry<String, Change> entry : changes.entrySet()) {
            byte[] key = entry.getKey().getBytes(UTF_8);
            Change change = entry.getValue();
            if (change.write().delete()) {
                delete.setBytes(1, key);
                delete.addBatch();
                deletes++;
            } else {
                merge.setBytes(1, key);
                merge.setBytes(2, change.write().value());
                merge.setLong(3, block);
                merge.setInt(4, change.txNumber());
                merge.addBatch();
                merges++;
            }
        }
        if (merges > 0) {
            merge.executeBatch();
        }
        if (deletes > 0) {
            delete.executeBatch();
        }
    }

    private static void insertHistory(Connection connection, long block, List<OrderedTransaction> txs)
            throws SQLException {
        if (txs.isEmpty()) {
            return;
        }
        PreparedStatement insert = batch(connection, INSERT_HISTORY);
        for (OrderedTransaction tx : txs) {
            if (!tx.isValid()) {
                continue;
            }
            Instant time = tx.pending().parsed().proposal().timestamp();
            for (Map.Entry<String, Write> write : tx.pending().simulation().readWriteSet().writes().entrySet()) {
                insert.setBytes(1, write.getKey().getBytes(UTF_8));
                insert.setLong(2, block);
                insert.setInt(3, tx.txNumber());
                insert.setString(4, tx.pending().txId());
                insert.setLong(5, time.getEpochSecond());
                insert.setInt(6, time.getNano());
                insert.setBoolean(7, write.getValue().delete());
                insert.setBytes(8, write.getValue().value());
                insert.addBatch();
            }
        }
        insert.executeBatch();
    }

    /** A statement kept for the connection, its batch emptied (a failed block may have left one). */
    private static PreparedStatement batch(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = Statements.prepare(connection, sql);
        statement.clearBatch();
        return statement;
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
