package org.qcchain.ledger.embedded;

import java.util.ArrayList;
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
 * <p>Used by the committer thread only.
 */
final class BlockOverlay implements StateStore {

    private final StateStore committed;
    /** Key to its new value; an empty optional is a deletion. */
    private final NavigableMap<String, Optional<VersionedValue>> written = new TreeMap<>(KeyOrder.COMPARATOR);

    BlockOverlay(StateStore committed) {
        this.committed = committed;
    }

    /** Adds a valid transaction's writes, at its height. */
    void apply(ReadWriteSet rwset, Version version) {
        rwset.writes().forEach((key, write) -> written.put(key, write.delete()
                ? Optional.empty()
                : Optional.of(new VersionedValue(write.value(), version))));
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
        NavigableMap<String, Optional<VersionedValue>> own = endKey.isEmpty()
                ? written.tailMap(startKey, true)
                : written.subMap(startKey, true, endKey, false);
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
