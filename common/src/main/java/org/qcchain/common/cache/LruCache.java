package org.qcchain.common.cache;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded map, least recently used entry out first, safe for many threads (one lock; a lookup
 * holds it for well under a microsecond). The platform's hot paths keep in it what a pure function
 * of the key gave (a certificate parsed, an issuer or a signature checked), so that a hit is what
 * computing again would give. Capacity 0 stores nothing.
 *
 * @param <K> the key, with value equality
 * @param <V> what is remembered; never {@code null}, which {@link #get} means "not known"
 */
public final class LruCache<K, V> {

    private final int capacity;
    private final Map<K, V> entries;

    /** @param capacity how many entries to keep at most */
    public LruCache(int capacity) {
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
    public boolean enabled() {
        return capacity > 0;
    }

    /** @return the value stored for {@code key}, or {@code null} */
    public synchronized V get(K key) {
        return capacity > 0 ? entries.get(key) : null;
    }

    /** Remembers {@code value} for {@code key}, the least recently used entry out if full. */
    public synchronized void put(K key, V value) {
        if (capacity > 0) {
            entries.put(key, value);
        }
    }

    /** @return how many entries are kept */
    public synchronized int size() {
        return entries.size();
    }
}
