package org.qcchain.ledger.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.qcchain.simulator.HistoryEntry;
import org.qcchain.simulator.StateStore;
import org.qcchain.simulator.VersionedKeyValue;
import org.qcchain.simulator.VersionedValue;

/**
 * What a simulation (or block validation) reads: single keys from the {@link StateCache} when it
 * holds them, as absent without a lookup when {@link StoredKeys} has never seen them, everything
 * else from the connection's H2 snapshot ({@link H2StateStore}); values read from H2 that the cache
 * admits are offered to it with the height of this snapshot (read only then). Ranges and history
 * always come from H2. One simulation, one thread.
 */
final class CachedStateStore implements StateStore {

    private static final String LAST_BLOCK = "SELECT MAX(block_no) FROM blocks";
    private static final long UNKNOWN = Long.MIN_VALUE;

    private final Connection connection;
    private final H2StateStore store;
    private final StateCache cache;
    private final StoredKeys storedKeys;
    private long snapshotBlock = UNKNOWN;

    CachedStateStore(Connection connection, StateCache cache, StoredKeys storedKeys) {
        this.connection = connection;
        this.store = new H2StateStore(connection);
        this.cache = cache;
        this.storedKeys = storedKeys;
    }

    @Override
    public Optional<VersionedValue> get(String key) {
        VersionedValue cached = cache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        if (!storedKeys.mightExist(key)) {
            return Optional.empty();
        }
        Optional<VersionedValue> read = store.get(key);
        if (read.isPresent() && cache.admits(key)) {
            cache.offer(key, read.get(), snapshotBlock());
        }
        return read;
    }

    @Override
    public List<VersionedKeyValue> range(String startKey, String endKey, int limit) {
        return store.range(startKey, endKey, limit);
    }

    @Override
    public List<HistoryEntry> history(String key) {
        return store.history(key);
    }

    /** The last block in this connection's snapshot, read once from the snapshot itself. */
    private long snapshotBlock() {
        if (snapshotBlock == UNKNOWN) {
            try {
                PreparedStatement select = Statements.prepare(connection, LAST_BLOCK);
                try (ResultSet row = select.executeQuery()) {
                    snapshotBlock = row.next() ? row.getLong(1) : -1;
                }
            } catch (SQLException e) {
                throw new LedgerException("could not read the ledger height: " + e.getMessage(), e);
            }
        }
        return snapshotBlock;
    }
}
