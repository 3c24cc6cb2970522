package org.qcchain.ledger.embedded;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.qcchain.simulator.HistoryEntry;
import org.qcchain.simulator.KeyOrder;
import org.qcchain.simulator.ReadWriteSet;
import org.qcchain.simulator.StateStore;
import org.qcchain.simulator.Version;
import org.qcchain.simulator.VersionedKeyValue;
import org.qcchain.simulator.VersionedValue;

/**
 * The state a transaction is validated against while its block is cut: the committed state plus
 * the writes of the earlier valid transactions of the same block, as Fabric's committer sees it.
 * This is what makes the second of two requests on one consent in one block conflict.
 *
 * <p>The writes are kept in a hash map: validation looks keys up one at a time, and comparing long
 * keys by code point in a sorted map was a tenth of the committer's time. A sorted copy is made
 * only when a transaction of the block re-checks a range query (phantoms).
 *
 * <p>Used by the committer thread only.
 */
final class BlockOverlay implements StateStore {

    private final StateStore committed;
    /** Key to its new value; an empty optional is a deletion. */
    private final Map<String, Optional<VersionedValue>> written = new HashMap<>();
    /** {@link #written} in key order, made by the first range query and kept up to date after it. */
    private NavigableMap<String, Optional<VersionedValue>> sorted;

    BlockOverlay(StateStore committed) {
        this.committed = committed;
    }

    /** Adds a valid transaction's writes, at its height. */
    void apply(ReadWriteSet rwset, Version version) {
        rwset.writes().forEach((key, write) -> {
            Optional<VersionedValue> value = write.delete()
                    ? Optional.empty()
                    : Optional.of(new VersionedValue(write.value(), version));
            written.put(key, value);
            if (sorted != null) {
                sorted.put(key, value);
            }
        });
    }

    @Override
    public Optional<VersionedValue> get(String key) {
        Optional<VersionedValue> own = written.get(key);
        return own != null ? own : committed.get(key);
    }

    @Override
    public List<VersionedKeyValue> range(String startKey, String endKey, int limit) {
        if (!endKey.isEmpty() && KeyOrder.compare(startKey, endKey) > 0) {
            return List.of();
        }
        if (sorted == null) {
            sorted = new TreeMap<>(KeyOrder.COMPARATOR);
            sorted.putAll(written);
        }
        NavigableMap<String, Optional<VersionedValue>> own = endKey.isEmpty()
                ? sorted.tailMap(startKey, true)
                : sorted.subMap(startKey, true, endKey, false);
        // each deletion here may hide one committed key: read that many more
        int baseLimit = limit > 0 ? limit + own.size() : 0;
        NavigableMap<String, VersionedValue> merged = new TreeMap<>(KeyOrder.COMPARATOR);
        for (VersionedKeyValue kv : committed.range(startKey, endKey, baseLimit)) {
            merged.put(kv.key(), new VersionedValue(kv.value(), kv.version()));
        }
        for (Map.Entry<String, Optional<VersionedValue>> entry : own.entrySet()) {
            if (entry.getValue().isPresent()) {
                merged.put(entry.getKey(), entry.getValue().get());
            } else {
                merged.remove(entry.getKey());
            }
        }
        List<VersionedKeyValue> found = new ArrayList<>();
        for (Map.Entry<String, VersionedValue> entry : merged.entrySet()) {
            if (limit > 0 && found.size() == limit) {
                break;
            }
            found.add(new VersionedKeyValue(entry.getKey(), entry.getValue().value(),
                    entry.getValue().version()));
        }
        return found;
    }

    @Override
    public List<HistoryEntry> history(String key) {
        throw new UnsupportedOperationException("validation never reads history");
    }
}
