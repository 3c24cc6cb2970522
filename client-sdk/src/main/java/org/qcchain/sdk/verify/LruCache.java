package org.qcchain.sdk.verify;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded map, least recently used entry out first, safe for many threads (one lock; a lookup
 * holds it for well under a microsecond). Callers store only results of pure functions that
 * succeeded, so a hit means "computed before, with the same input, and it passed". Capacity 0
 * stores nothing.
 */
final class LruCache<K, V> {

    private final int capacity;
    private final Map<K, V> entries;

    LruCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > LruCache.this.capacity;
            }
        };
    }

    /** @return whether the cache keeps anything at all */
    boolean enabled() {
        return capacity > 0;
    }

    /** @return the value stored for {@code key}, or {@code null} */
    synchronized V get(K key) {
        return capacity > 0 ? entries.get(key) : null;
    }

    synchronized void put(K key, V value) {
        if (capacity > 0) {
            entries.put(key, value);
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
