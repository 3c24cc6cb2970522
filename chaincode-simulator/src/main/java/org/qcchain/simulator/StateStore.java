package org.qcchain.simulator;

import java.util.List;
import java.util.Optional;

/**
 * The committed world state of one chaincode, read side: what a peer's state database answers
 * while a transaction is simulated and while it is validated.
 *
 * <p>Implementations hold only committed state; the simulator keeps a transaction's own writes in
 * its read/write set. {@link InMemoryStateStore} is the standard implementation for tests; the
 * embedded ledger keeps state in H2. Implementations must be safe for concurrent readers.
 *
 * <p>Keys order by Unicode code point ({@link KeyOrder#COMPARATOR}), as in Fabric's LevelDB, not
 * by {@link String#compareTo}.
 */
public interface StateStore {

    /**
     * The committed value of a key.
     *
     * @return the value and its version, or empty when the key is absent (never written or deleted)
     */
    Optional<VersionedValue> get(String key);

    /**
     * Committed keys in {@code [startKey, endKey)}, ascending in {@link KeyOrder}.
     *
     * @param startKey the first key to include
     * @param endKey the first key to exclude; {@code ""} means no end
     * @param limit the most results to return; zero or negative means no limit
     * @return the keys found, possibly none; none when {@code startKey} sorts after a non-empty
     *     {@code endKey}
     */
    List<VersionedKeyValue> range(String startKey, String endKey, int limit);

    /**
     * Every committed modification of a key, newest first as Fabric 2.x returns it, deletions
     * included.
     *
     * @return the key's history; empty when it was never written
     */
    List<HistoryEntry> history(String key);
}
