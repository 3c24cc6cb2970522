package org.qcchain.ledger.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
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

    private static final String GET = "SELECT state_value, block_no, tx_no FROM state WHERE state_key = ?";

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
                + (endKey.isEmpty() ? "" : " AND state_key < ?") + " ORDER BY state_key"
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

    @Override
    public List<HistoryEntry> history(String key) {
        Objects.requireNonNull(key, "key");
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT tx_id, tx_seconds, tx_nanos, state_value, is_delete FROM history"
                        + " WHERE state_key = ? ORDER BY block_no DESC, tx_no DESC")) {
            select.setBytes(1, key.getBytes(UTF_8));
            List<HistoryEntry> entries = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    entries.add(new HistoryEntry(row.getString(1),
                            Instant.ofEpochSecond(row.getLong(2), row.getInt(3)), row.getBytes(4),
                            row.getBoolean(5)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw failure("read history", e);
        }
    }

    private static LedgerException failure(String what, SQLException e) {
        return new LedgerException("could not " + what + " from the ledger database: " + e.getMessage(), e);
    }
}
