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
 * Writes a block's valid writes to the {@code state} and {@code history} tables.
 *
 * <p>History rows are numbered in commit order ({@code history_seq}: block, transaction, then key
 * order within the transaction), so each insert lands at the right edge of the table's tree. A
 * key's rows are found through a chain instead of an index: its state row holds the number of its
 * latest row, each row the number of the one before ({@code previous_seq}). An index by key would
 * put one more insert at a random place of a large tree for every write, which was the single
 * largest cost of committing a block. Deleted keys stay in {@code state} as tombstones
 * ({@code is_delete}) so that their history keeps its head.
 *
 * <p>Used by the committer thread only; {@link #nextSeq()} moves on only when the caller says the
 * block was committed.
 */
final class StateChanges {

    private static final String HEAD = "SELECT history_seq FROM state WHERE state_key = ?";
    private static final String INSERT_HISTORY = "INSERT INTO history (history_seq, state_key, block_no, tx_no,"
            + " tx_id, tx_seconds, tx_nanos, is_delete, state_value, previous_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_STATE = "INSERT INTO state (block_no, tx_no, history_seq, is_delete,"
            + " state_value, state_key) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_STATE = "UPDATE state SET block_no = ?, tx_no = ?, history_seq = ?,"
            + " is_delete = ?, state_value = ? WHERE state_key = ?";

    /** The block's last write of a key, and whether the key had a state row before the block. */
    private record Head(byte[] key, long seq, Write write, int txNumber, boolean stored) {}

    /** UTF-8 bytes compared unsigned: code point order, as H2 orders the state table. */
    private static final Comparator<Head> KEY_ORDER = (a, b) -> Arrays.compareUnsigned(a.key(), b.key());

    private final StoredKeys storedKeys;
    private long nextSeq;

    private StateChanges(long nextSeq, StoredKeys storedKeys) {
        this.nextSeq = nextSeq;
        this.storedKeys = storedKeys;
    }

    /**
     * Continues after the last history row stored; looks for a key's head only if {@code
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
     * Inserts the history rows and the state changes of the block's valid transactions, in the
     * connection's transaction; returns the next free history number, to be passed to {@link
     * #committed} once the block is committed.
     */
    long write(Connection connection, long block, List<OrderedTransaction> txs) throws SQLException {
        // a hash map: keys are long and share long prefixes, so comparing them by code point in a
        // sorted map cost more than the rest of this loop; the state rows are sorted once at the end
        Map<String, Head> heads = new HashMap<>();
        PreparedStatement history = batch(connection, INSERT_HISTORY);
        long seq = nextSeq;
        for (OrderedTransaction tx : txs) {
            if (!tx.isValid()) {
                continue;
            }
            Instant time = tx.pending().parsed().proposal().timestamp();
            for (Map.Entry<String, Write> entry : tx.pending().simulation().readWriteSet().writes().entrySet()) {
                String key = entry.getKey();
                Head earlier = heads.get(key);
                byte[] keyBytes = earlier != null ? earlier.key() : key.getBytes(UTF_8);
                long previous = earlier != null ? earlier.seq() : head(connection, key, keyBytes);
                boolean stored = earlier != null ? earlier.stored() : previous != 0;
                Write write = entry.getValue();
                history.setLong(1, seq);
                history.setBytes(2, keyBytes);
                history.setLong(3, block);
                history.setInt(4, tx.txNumber());
                history.setString(5, tx.pending().txId());
                history.setLong(6, time.getEpochSecond());
                history.setInt(7, time.getNano());
                history.setBoolean(8, write.delete());
                history.setBytes(9, valueOf(write));
                if (previous == 0) {
                    history.setNull(10, Types.BIGINT);
                } else {
                    history.setLong(10, previous);
                }
                history.addBatch();
                heads.put(key, new Head(keyBytes, seq, write, tx.txNumber(), stored));
                seq++;
            }
        }
        if (heads.isEmpty()) {
            return seq;
        }
        history.executeBatch();
        List<Head> inKeyOrder = new ArrayList<>(heads.values());
        inKeyOrder.sort(KEY_ORDER);
        writeState(connection, block, inKeyOrder);
        return seq;
    }

    /** The block is committed: history numbering goes on from {@code next}. */
    void committed(long next) {
        nextSeq = next;
    }

    private static void writeState(Connection connection, long block, List<Head> heads) throws SQLException {
        PreparedStatement insert = batch(connection, INSERT_STATE);
        PreparedStatement update = batch(connection, UPDATE_STATE);
        int inserts = 0;
        int updates = 0;
        for (Head head : heads) {
            PreparedStatement statement = head.stored() ? update : insert;
            statement.setLong(1, block);
            statement.setInt(2, head.txNumber());
            statement.setLong(3, head.seq());
            statement.setBoolean(4, head.write().delete());
            statement.setBytes(5, valueOf(head.write()));
            statement.setBytes(6, head.key());
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
     * The history number of the key's latest stored write (a tombstone too), or 0 for a new key,
     * which is then added to the stored keys: it is in the database from this block's commit on.
     */
    private long head(Connection connection, String key, byte[] keyBytes) throws SQLException {
        long head = storedKeys.mightExist(key) ? storedHead(connection, keyBytes) : 0;
        if (head == 0) {
            storedKeys.add(key);
        }
        return head;
    }

    /** The history number of the key's latest stored write (a tombstone too), or 0 if never written. */
    private static long storedHead(Connection connection, byte[] key) throws SQLException {
        PreparedStatement select = Statements.prepare(connection, HEAD);
        select.setBytes(1, key);
        try (ResultSet row = select.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    /** The value written; empty for a deletion. */
    private static byte[] valueOf(Write write) {
        return write.value();
    }

    /** A statement kept for the connection, its batch emptied (a failed block may have left one). */
    static PreparedStatement batch(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = Statements.prepare(connection, sql);
        statement.clearBatch();
        return statement;
    }
}
