package org.qcchain.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A world state in memory, for tests: a sorted map in {@link KeyOrder} plus each key's history.
 *
 * <p>Thread-safe: readers share a lock, {@link #apply} takes it exclusively, so a reader never
 * sees half a transaction.
 *
 * <pre>{@code
 * InMemoryStateStore state = new InMemoryStateStore();
 * state.apply(simulation.readWriteSet(), new Version(1, 0), simulation.txId(), timestamp);
 * }</pre>
 */
public final class InMemoryStateStore implements StateStore {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final NavigableMap<String, VersionedValue> values = new TreeMap<>(KeyOrder.COMPARATOR);
    private final Map<String, List<HistoryEntry>> histories = new HashMap<>();

    @Override
    public Optional<VersionedValue> get(String key) {
        Objects.requireNonNull(key, "key");
        lock.readLock().lock();
        try {
            return Optional.ofNullable(values.get(key));
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<VersionedKeyValue> range(String startKey, String endKey, int limit) {
        Objects.requireNonNull(startKey, "startKey");
        Objects.requireNonNull(endKey, "endKey");
        if (!endKey.isEmpty() && KeyOrder.compare(startKey, endKey) > 0) {
            return List.of();
        }
        lock.readLock().lock();
        try {
            NavigableMap<String, VersionedValue> span = endKey.isEmpty()
                    ? values.tailMap(startKey, true)
                    : values.subMap(startKey, true, endKey, false);
            List<VersionedKeyValue> found = new ArrayList<>();
            for (Map.Entry<String, VersionedValue> entry : span.entrySet()) {
                if (limit > 0 && found.size() == limit) {
                    break;
                }
                VersionedValue value = entry.getValue();
                found.add(new VersionedKeyValue(entry.getKey(), value.value(), value.version()));
            }
            return found;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<HistoryEntry> history(String key) {
        Objects.requireNonNull(key, "key");
        lock.readLock().lock();
        try {
            List<HistoryEntry> oldestFirst = histories.getOrDefault(key, List.of());
            List<HistoryEntry> newestFirst = new ArrayList<>(oldestFirst);
            Collections.reverse(newestFirst);
            return newestFirst;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Commits a validated transaction's writes: puts and deletes, each also appended to the key's
     * history. Reads are not checked here; validate first with {@link
     * ReadWriteSet#findConflict(StateStore)}.
     *
     * @param rwset the transaction's read/write set
     * @param version the transaction's height, the new version of every key it writes
     * @param txId the transaction, for the history
     * @param timestamp the transaction's timestamp, for the history
     */
    public void apply(ReadWriteSet rwset, Version version, String txId, Instant timestamp) {
        Objects.requireNonNull(rwset, "rwset");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(timestamp, "timestamp");
        lock.writeLock().lock();
        try {
            rwset.writes().forEach((key, write) -> {
                if (write.delete()) {
                    values.remove(key);
                } else {
                    values.put(key, new VersionedValue(write.value(), version));
                }
                histories.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new HistoryEntry(txId, timestamp, write.value(), write.delete()));
            });
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The number of keys present. */
    public int size() {
        lock.readLock().lock();
        try {
            return values.size();
        } finally {
            lock.readLock().unlock();
        }
    }
}
