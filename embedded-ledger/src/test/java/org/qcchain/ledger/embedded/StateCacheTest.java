package org.qcchain.ledger.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qcchain.simulator.Version;
import org.qcchain.simulator.VersionedValue;
import org.qcchain.simulator.Write;

/** The cache in front of H2 only ever holds a key's latest committed value. */
class StateCacheTest {

    private static VersionedValue value(String text, long block, long tx) {
        return new VersionedValue(text.getBytes(UTF_8), new Version(block, tx));
    }

    private static StateCache.BlockWrite written(String text, long block, long tx) {
        return new StateCache.BlockWrite(Write.of(text.getBytes(UTF_8)), new Version(block, tx));
    }

    private static StateCache.BlockWrite deleted(long block, long tx) {
        return new StateCache.BlockWrite(Write.deletion(), new Version(block, tx));
    }

    @Test
    void keeps_a_value_read_from_a_snapshot_of_the_latest_block() {
        StateCache cache = new StateCache(100, 100, 7);

        cache.offer("org", value("bank", 3, 0), 7);

        assertThat(cache.get("org")).isEqualTo(value("bank", 3, 0));
        assertThat(cache.get("other")).isNull();
    }

    @Test
    void refuses_a_value_from_a_snapshot_older_than_the_latest_block() {
        StateCache cache = new StateCache(100, 100, 7);
        // the reader's snapshot ends at block 6: block 7 may have rewritten the key
        cache.offer("consent", value("granted", 2, 0), 6);

        assertThat(cache.get("consent")).isNull();
    }

    @Test
    void a_committed_block_updates_and_removes_the_cached_keys_it_wrote_and_adds_none() {
        StateCache cache = new StateCache(100, 100, 7);
        cache.offer("usage", value("uses=1", 5, 0), 7);
        cache.offer("consent", value("granted", 2, 0), 7);
        Map<String, StateCache.BlockWrite> block8 = new LinkedHashMap<>();
        block8.put("usage", written("uses=2", 8, 3));
        block8.put("consent", deleted(8, 3));
        block8.put("access", written("record", 8, 3));

        cache.committed(8, block8);

        assertThat(cache.get("usage")).isEqualTo(value("uses=2", 8, 3));
        assertThat(cache.get("consent")).isNull();
        assertThat(cache.get("access")).isNull();
        assertThat(cache.committedHeight()).isEqualTo(8);
    }

    @Test
    void a_stale_value_offered_before_its_block_is_applied_is_then_overwritten() {
        StateCache cache = new StateCache(100, 100, 7);
        // block 8 is in H2 already; a reader whose snapshot ended at 7 offers the old value first
        cache.offer("usage", value("uses=1", 5, 0), 7);

        cache.committed(8, Map.of("usage", written("uses=2", 8, 0)));
        cache.offer("usage", value("uses=1", 5, 0), 7);

        assertThat(cache.get("usage")).isEqualTo(value("uses=2", 8, 0));
    }

    @Test
    void starts_again_empty_when_full_and_takes_no_more_until_then() {
        StateCache cache = new StateCache(2, 2, 1);
        cache.offer("a", value("a", 1, 0), 1);
        cache.offer("b", value("b", 1, 0), 1);
        cache.offer("c", value("c", 1, 0), 1);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("c")).isNull();

        cache.committed(2, Map.of());

        assertThat(cache.size()).isZero();
        cache.offer("c", value("c", 1, 0), 2);
        assertThat(cache.get("c")).isEqualTo(value("c", 1, 0));
    }

    @Test
    void admits_a_key_on_its_second_reading_only() {
        StateCache cache = new StateCache(100, 3, 1);

        assertThat(cache.admits("platform")).isFalse();
        assertThat(cache.admits("platform")).isTrue();
        assertThat(cache.admits("consent-1")).isFalse();
        assertThat(cache.admits("consent-2")).isFalse();
        assertThat(cache.admits("consent-3")).isFalse();
        // three keys seen once fill the window, however large the cache: they are forgotten
        assertThat(cache.admits("consent-4")).isFalse();
        assertThat(cache.admits("consent-1")).isFalse();
        assertThat(cache.admits("consent-4")).isTrue();
    }
}
