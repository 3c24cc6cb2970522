package org.qcchain.ledger.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qcchain.simulator.HistoryEntry;
import org.qcchain.simulator.KeyOrder;
import org.qcchain.simulator.StateStore;
import org.qcchain.simulator.Version;
import org.qcchain.simulator.VersionedKeyValue;
import org.qcchain.simulator.VersionedValue;

/**
 * The committed world state in H2, read through one connection: the {@link StateStore} the
 * simulator runs the chaincode against and the committer validates against.
 *
 * <p>Bound to one connection and so to one thread at a time (one simulation, or the committer);
 * on a read connection it sees that connection's snapshot. Keys are compared as UTF-8 bytes by
 * H2, which is {@link KeyOrder}.
 */
final class H2StateStore implements StateStore {

    // tombstones (is_delete) keep a deleted key's history head; to readers the key is absent
    private static final String GET = "SELECT state_value, block_no, tx_no FROM state WHERE state_key = ?"
            + " AND NOT is_delete";
    private static final String HISTORY_HEAD = "SELECT tx_id, tx_seconds, tx_nanos, state_value, is_delete,"
            + " previous_seq FROM state WHERE state_key = ?";
    private static final String HISTORY_ENTRY = "SELECT tx_id, tx_seconds, tx_nanos, state_value, is_delete,"
            + " previous_seq, state_key FROM history WHERE history_seq = ?";

    private final Connection connection;

    H2StateStore(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Optional<VersionedValue> get(String key) {
        Objects.requireNonNull(key, "key");
        try {
            PreparedStatement select = Statements.prepare(connection, GET);
            select.setBytes(1, key.getBytes(UTF_8));
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new VersionedValue(row.getBytes(1), new Version(row.getLong(2), row.getInt(3))))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read key", e);
        }
    }

    @Override
    public List<VersionedKeyValue> range(String startKey, String endKey, int limit) {
        Objects.requireNonNull(startKey, "startKey");
        Objects.requireNonNull(endKey, "endKey");
        if (!endKey.isEmpty() && KeyOrder.compare(startKey, endKey) > 0) {
            return List.of();
        }
        String sql = "SELECT state_key, state_value, block_no, tx_no FROM state WHERE state_key >= ?"
                + (endKey.isEmpty() ? "" : " AND state_key < ?") + " AND NOT is_delete ORDER BY state_key"
                + (limit > 0 ? " LIMIT ?" : "");
        try {
            // four distinct statements at most: with or without an end key and a limit
            PreparedStatement select = Statements.prepare(connection, sql);
            int parameter = 1;
            select.setBytes(parameter++, startKey.getBytes(UTF_8));
            if (!endKey.isEmpty()) {
                select.setBytes(parameter++, endKey.getBytes(UTF_8));
            }
            if (limit > 0) {
                select.setInt(parameter, limit);
            }
            List<VersionedKeyValue> found = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(new VersionedKeyValue(new String(row.getBytes(1), UTF_8), row.getBytes(2),
                            new Version(row.getLong(3), row.getInt(4))));
                }
            }
            return found;
        } catch (SQLException e) {
            throw failure("read range", e);
        }
    }

    /**
     * The key's writes, newest first: its state row (the latest write), then the history row it
     * names, back along each row's {@code previous_seq} (see {@link StateChanges}).
     */
    @Override
    public List<HistoryEntry> history(String key) {
        Objects.requireNonNull(key, "key");
        byte[] keyBytes = key.getBytes(UTF_8);
        try {
            List<HistoryEntry> entries = new ArrayList<>();
            long seq;
            PreparedStatement head = Statements.prepare(connection, HISTORY_HEAD);
            head.setBytes(1, keyBytes);
            try (ResultSet row = head.executeQuery()) {
                if (!row.next()) {
                    return entries;
                }
                entries.add(entry(row));
                seq = row.getLong(6);
            }
            PreparedStatement select = Statements.prepare(connection, HISTORY_ENTRY);
            while (seq != 0) {
                select.setLong(1, seq);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next() || !Arrays.equals(row.getBytes(7), keyBytes)) {
                        throw new LedgerException("the history of key '" + key + "' is broken at entry " + seq
                                + "; run verify");
                    }
                    entries.add(entry(row));
                    long previous = row.getLong(6);
                    // numbers only go down along a chain: a loop would be tampering
                    if (previous >= seq) {
                        throw new LedgerException("the history of key '" + key + "' loops at entry " + seq
                                + "; run verify");
                    }
                    seq = previous;
                }
            }
            return entries;
        } catch (SQLException e) {
            throw failure("read history", e);
        }
    }

    /** A history entry from a row of tx_id, tx_seconds, tx_nanos, state_value, is_delete, .... */
    private static HistoryEntry entry(ResultSet row) throws SQLException {
        return new HistoryEntry(row.getString(1), Instant.ofEpochSecond(row.getLong(2), row.getInt(3)),
                row.getBytes(4), row.getBoolean(5));
    }

    private static LedgerException failure(String what, SQLException e) {
        return new LedgerException("could not " + what + " from the ledger database: " + e.getMessage(), e);
    }
}
