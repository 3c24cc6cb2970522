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
import org.qcchain.simulator.ChaincodeEventRecord;
import org.qcchain.simulator.KeyOrder;
import org.qcchain.simulator.SimulationResult;
import org.qcchain.simulator.Write;

/**
 * Writes a block, its transactions, the state changes and the key history in one database
 * transaction, with one JDBC batch per table; {@link #sync()} then forces the file to disk once.
 * After a crash the database holds the last whole block, never part of one.
 */
final class BlockWriter implements AutoCloseable {

    /** A state change of the block: the last write of a key, at the height of its writer. */
    private record Change(Write write, int txNumber) {}

    private static final String INSERT_BLOCK = "INSERT INTO blocks (block_no, block_hash, previous_hash,"
            + " transactions_root, committed_at, genesis, config, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_TRANSACTION = "INSERT INTO transactions (block_no, tx_no, tx_id, tx_hash,"
            + " proposal, signature, rwset, status, message, payload, event_name, event_payload, validation_code)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String MERGE_STATE = "MERGE INTO state (state_key, state_value, block_no, tx_no)"
            + " KEY (state_key) VALUES (?, ?, ?, ?)";
    private static final String DELETE_STATE = "DELETE FROM state WHERE state_key = ?";
    private static final String INSERT_HISTORY = "INSERT INTO history (state_key, block_no, tx_no, tx_id,"
            + " tx_seconds, tx_nanos, is_delete, state_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final FileChannel file;

    /**
     * A writer.
     *
     * @param databaseFile H2's file, forced after each commit; {@code null} to leave that to the OS
     */
    BlockWriter(Path databaseFile) {
        try {
            // fsync works on any descriptor of the file, so H2's own lock is not disturbed
            this.file = databaseFile == null ? null : FileChannel.open(databaseFile, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new LedgerException("cannot open " + databaseFile + " to sync it", e);
        }
    }

    void write(Connection connection, BlockSealer.Sealed block, List<OrderedTransaction> txs)
            throws SQLException {
        try {
            insertBlock(connection, block);
            insertTransactions(connection, block.header().number(), txs);
            applyState(connection, block.header().number(), txs);
            insertHistory(connection, block.header().number(), txs);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private static void insertBlock(Connection connection, BlockSealer.Sealed block) throws SQLException {
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
        insert.executeUpdate();
    }

    private static void insertTransactions(Connection connection, long block, List<OrderedTransaction> txs)
            throws SQLException {
        PreparedStatement insert = batch(connection, INSERT_TRANSACTION);
        for (OrderedTransaction tx : txs) {
            SimulationResult simulation = tx.pending().simulation();
            insert.setLong(1, block);
            insert.setInt(2, tx.txNumber());
            insert.setString(3, tx.pending().txId());
            insert.setBytes(4, tx.hash());
            insert.setBytes(5, tx.pending().signed().proposalBytesUnsafe());
            insert.setBytes(6, tx.pending().signed().signatureUnsafe());
            insert.setBytes(7, tx.rwsetBytes());
            insert.setInt(8, simulation.status());
            insert.setString(9, simulation.message());
            insert.setBytes(10, simulation.payload());
            insert.setString(11, simulation.event().map(ChaincodeEventRecord::name).orElse(null));
            insert.setBytes(12, simulation.event().map(ChaincodeEventRecord::payload).orElse(null));
            insert.setString(13, tx.code().name());
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
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                // nothing was written through this channel; there is nothing to lose
            }
        }
    }
}
