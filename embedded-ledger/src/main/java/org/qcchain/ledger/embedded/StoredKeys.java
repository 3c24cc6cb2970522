package org.qcchain.ledger.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;

/**
 * Every key that has a row in the {@code state} table (a deleted key's tombstone too), as a {@link
 * BloomFilter}: a key it has never seen has no row, so neither a simulation reading it nor the
 * committer looking for its history head needs to ask H2. Most keys a data request touches are
 * new (its nonce, its access record and the record's trail index entries): they are read once to
 * see that they are free, then written, and each of those lookups was an SQL query that walked
 * the state index, often to a page no longer in H2's cache.
 *
 * <p>It only saves work, never changes an answer: "maybe" (a stored key, a key not loaded yet, or
 * a false positive, about 1 %) still asks H2. To keep "no" exact:
 *
 * <ul>
 *   <li>the committer adds each new key of a block before the block's database commit, so from
 *       the moment a key is in any snapshot it is in the filter (a block that then fails leaves
 *       only false positives);
 *   <li>the keys stored before the ledger opened are loaded from a snapshot by {@link #load},
 *       on a thread of its own so that opening a large ledger does not wait for it; until it is
 *       done every key is "maybe". Keys committed after that snapshot was taken were added by the
 *       committer.
 * </ul>
 *
 * <p>Thread-safe.
 */
final class StoredKeys {

    private static final String ALL_KEYS = "SELECT state_key FROM state";
    /** How many keys the loader reads between looks at whether it should stop. */
    private static final int STOP_CHECK_INTERVAL = 4096;

    private final BloomFilter filter = new BloomFilter();
    private volatile boolean loaded;

    /** False only if {@code key} has no row in the state table (live or deleted). */
    boolean mightExist(String key) {
        return !loaded || filter.mightContain(key);
    }

    /** Adds a key about to be stored (committer, before the database commit). */
    void add(String key) {
        filter.add(key);
    }

    /** Whether the keys stored before opening are in (until then every key is "maybe"). */
    boolean loaded() {
        return loaded;
    }

    /**
     * Adds every key of the state table in the connection's snapshot, then answers from the filter;
     * gives up, leaving every key "maybe", if {@code stop} says so.
     *
     * @return the number of keys read, or -1 if stopped
     */
    long load(Connection connection, BooleanSupplier stop) throws SQLException {
        long count = 0;
        try (PreparedStatement select = connection.prepareStatement(ALL_KEYS);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                filter.add(new String(row.getBytes(1), UTF_8));
                if (++count % STOP_CHECK_INTERVAL == 0 && stop.getAsBoolean()) {
                    return -1;
                }
            }
        }
        loaded = true;
        return count;
    }
}
