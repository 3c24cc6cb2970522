package org.qcchain.ledger.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.qcchain.simulator.Write;

/**
 * Writes a block's valid writes to the {@code state} and {@code history} tables (storage formats 4 to 6).
 *
 * <p>A key's state row is its latest write in full (value, version, transaction id and time): the
 * newest entry of its history. When a write supersedes it, the superseded write moves to {@code
 * history}, numbered in the order writes are superseded ({@code history_seq}: block, transaction,
 * then key order within the transaction of the superseding write), so each insert lands at the
 * right edge of the table's tree. A key's older entries are found through a chain instead of an
 * index: its state row holds the number of the write before it, each history row the number of
 * the one before that ({@code previous_seq}). An index by key would put one more insert at a
 * random place of a large tree for every write, which was the single largest cost of committing a
 * block; and most keys are written once (trail index entries, nonces), so most writes now cost a
 * state row alone. Deleted keys stay in {@code state} as tombstones ({@code is_delete}) so that
 * their history keeps its head.
 *
 * <p>Used by the committer thread only; {@link #nextSeq()} moves on only when the caller says the
 * block was committed.
 */
final class StateChanges {

    private static final String STORED = "SELECT block_no, tx_no, tx_id, tx_seconds, tx_nanos, is_delete,"
            + " state_value, previous_seq FROM state WHERE state_key = ?";
    private static final String INSERT_HISTORY = "INSERT INTO history (history_seq, state_key, block_no, tx_no,"
            + " tx_id, tx_seconds, tx_nanos, is_delete, state_value, previous_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_STATE = "INSERT INTO state (block_no, tx_no, tx_id, tx_seconds, tx_nanos,"
            + " is_delete, state_value, previous_seq, state_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_STATE = "UPDATE state SET block_no = ?, tx_no = ?, tx_id = ?,"
            + " tx_seconds = ?, tx_nanos = ?, is_delete = ?, state_value = ?, previous_seq = ? WHERE state_key = ?";

    /**
     * One write of a key, as its state row or a history row holds it.
     *
     * @param previous the history number of the write before it, 0 if none
     */
    private record KeyWrite(long block, int txNumber, String txId, long seconds, int nanos, boolean delete,
            byte[] value, long previous) {}

    /** The block's last write of a key, and whether the key had a state row before the block. */
    private record Head(byte[] key, KeyWrite write, boolean stored) {}

    /** UTF-8 bytes compared unsigned: code point order, as H2 orders the state table. */
    private static final Comparator<Head> KEY_ORDER = (a, b) -> Arrays.compareUnsigned(a.key(), b.key());

    private final StoredKeys storedKeys;
    private long nextSeq;

    private StateChanges(long nextSeq, StoredKeys storedKeys) {
        this.nextSeq = nextSeq;
        this.storedKeys = storedKeys;
    }

    /**
     * Continues after the last history row stored; reads a key's stored write only if {@code
     * storedKeys} may hold the key, and adds each new key to it before the block is committed.
     */
    static StateChanges load(Connection connection, StoredKeys storedKeys) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COALESCE(MAX(history_seq), 0) + 1 FROM history");
                ResultSet row = select.executeQuery()) {
            row.next();
            return new StateChanges(row.getLong(1), storedKeys);
        }
    }

    /** The number the next history row gets. */
    long nextSeq() {
        return nextSeq;
    }

    /**
     * Moves the writes the block's valid transactions supersede to the history and writes the state
     * rows, in the connection's transaction; returns the next free history number, to be passed to
     * {@link #committed} once the block is committed.
     */
    long write(Connection connection, long block, List<? extends BlockTransaction> txs) throws SQLException {
        // a hash map: keys are long and share long prefixes, so comparing them by code point in a
        // sorted map cost more than the rest of this loop; the state rows are sorted once at the end
        Map<String, Head> heads = new HashMap<>();
        PreparedStatement history = batch(connection, INSERT_HISTORY);
        long seq = nextSeq;
        for (BlockTransaction tx : txs) {
            if (!tx.isValid()) {
                continue;
            }
            Instant time = tx.timestamp();
            for (Map.Entry<String, Write> entry : tx.writes().entrySet()) {
                String key = entry.getKey();
                Head earlier = heads.get(key);
                byte[] keyBytes;
                KeyWrite superseded;
                boolean stored;
                if (earlier != null) {
                    keyBytes = earlier.key();
                    superseded = earlier.write();
                    stored = earlier.stored();
                } else {
                    keyBytes = key.getBytes(UTF_8);
                    superseded = stored(connection, key, keyBytes);
                    stored = superseded != null;
                }
                long previous = 0;
                if (superseded != null) {
                    addHistoryRow(history, seq, keyBytes, superseded);
                    previous = seq++;
                }
                Write write = entry.getValue();
                heads.put(key, new Head(keyBytes, new KeyWrite(block, tx.txNumber(), tx.txId(),
                        time.getEpochSecond(), time.getNano(), write.delete(), write.value(), previous), stored));
            }
        }
        if (heads.isEmpty()) {
            return seq;
        }
        if (seq > nextSeq) {
            history.executeBatch();
        }
        List<Head> inKeyOrder = new ArrayList<>(heads.values());
        inKeyOrder.sort(KEY_ORDER);
        writeState(connection, inKeyOrder);
        return seq;
    }

    /** The block is committed: history numbering goes on from {@code next}. */
    void committed(long next) {
        nextSeq = next;
    }

    private static void addHistoryRow(PreparedStatement history, long seq, byte[] key, KeyWrite write)
            throws SQLException {
        history.setLong(1, seq);
        history.setBytes(2, key);
        bindWrite(history, 3, write);
        history.addBatch();
    }

    /**
     * Binds a write to eight parameters from {@code first} on, in the order both tables' statements
     * list them: block, transaction number, id, seconds, nanos, deletion, value, previous row.
     */
    private static void bindWrite(PreparedStatement statement, int first, KeyWrite write) throws SQLException {
        statement.setLong(first, write.block());
        statement.setInt(first + 1, write.txNumber());
        statement.setString(first + 2, write.txId());
        statement.setLong(first + 3, write.seconds());
        statement.setInt(first + 4, write.nanos());
        statement.setBoolean(first + 5, write.delete());
        statement.setBytes(first + 6, write.value());
        if (write.previous() == 0) {
            statement.setNull(first + 7, Types.BIGINT);
        } else {
            statement.setLong(first + 7, write.previous());
        }
    }

    private static void writeState(Connection connection, List<Head> heads) throws SQLException {
        PreparedStatement insert = batch(connection, INSERT_STATE);
        PreparedStatement update = batch(connection, UPDATE_STATE);
        int inserts = 0;
        int updates = 0;
        for (Head head : heads) {
            PreparedStatement statement = head.stored() ? update : insert;
            bindWrite(statement, 1, head.write());
            statement.setBytes(9, head.key());
            statement.addBatch();
            if (head.stored()) {
                updates++;
            } else {
                inserts++;
            }
        }
        if (inserts > 0) {
            insert.executeBatch();
        }
        if (updates > 0) {
            update.executeBatch();
        }
    }

    /**
     * The key's stored write (a tombstone too), or {@code null} for a new key, which is then added
     * to the stored keys: it is in the database from this block's commit on.
     */
    private KeyWrite stored(Connection connection, String key, byte[] keyBytes) throws SQLException {
        KeyWrite stored = storedKeys.mightExist(key) ? storedWrite(connection, keyBytes) : null;
        if (stored == null) {
            storedKeys.add(key);
        }
        return stored;
    }

    private static KeyWrite storedWrite(Connection connection, byte[] key) throws SQLException {
        PreparedStatement select = Statements.prepare(connection, STORED);
        select.setBytes(1, key);
        try (ResultSet row = select.executeQuery()) {
            return row.next()
                    ? new KeyWrite(row.getLong(1), row.getInt(2), row.getString(3), row.getLong(4), row.getInt(5),
                            row.getBoolean(6), row.getBytes(7), row.getLong(8))
                    : null;
        }
    }

    /** A statement kept for the connection, its batch emptied (a failed block may have left one). */
    static PreparedStatement batch(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = Statements.prepare(connection, sql);
        statement.clearBatch();
        return statement;
    }
}
