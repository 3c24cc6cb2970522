package org.qcchain.common.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LruCacheTest {

    @Test
    void evicts_the_least_recently_used_entry() {
        LruCache<String, Integer> cache = new LruCache<>(2);
        cache.put("a", 1);
        cache.put("b", 2);
        cache.get("a");
        cache.put("c", 3);

        assertThat(cache.get("a")).isEqualTo(1);
        assertThat(cache.get("b")).isNull();
        assertThat(cache.get("c")).isEqualTo(3);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void of_size_zero_keeps_nothing() {
        LruCache<String, Integer> cache = new LruCache<>(0);
        cache.put("a", 1);

        assertThat(cache.enabled()).isFalse();
        assertThat(cache.get("a")).isNull();
        assertThat(cache.size()).isZero();
    }
}
