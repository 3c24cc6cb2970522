package org.qcchain.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Bloom filter never forgets a string (no false negatives), also past its first segment and
 * with two threads adding at once, and rarely claims one never added.
 */
class BloomFilterTest {

    @Test
    void holds_every_id_added_and_rarely_claims_one_never_added() {
        BloomFilter ids = new BloomFilter();
        Random random = new Random(7);
        HexFormat hex = HexFormat.of();
        int added = 1_500_000; // more than the first segment of 2^20
        for (int i = 0; i < added; i++) {
            ids.add(id(random, hex));
        }
        random = new Random(7);
        for (int i = 0; i < added; i++) {
            assertThat(ids.mightContain(id(random, hex))).isTrue();
        }
        int falsePositives = 0;
        for (int i = 0; i < 100_000; i++) {
            if (ids.mightContain(id(random, hex))) {
                falsePositives++;
            }
        }
        assertThat(falsePositives).isLessThan(5_000);
        assertThat(ids.mightContain("")).isFalse();
        ids.add("");
        assertThat(ids.mightContain("")).isTrue();
    }

    @Test
    void two_threads_adding_past_a_segment_boundary_lose_nothing() throws Exception {
        BloomFilter filter = new BloomFilter();
        int perThread = 600_000; // together more than the first segment of 2^20
        Thread other = new Thread(() -> {
            for (int i = 0; i < perThread; i++) {
                filter.add("b-" + i);
            }
        });
        other.start();
        for (int i = 0; i < perThread; i++) {
            filter.add("a-" + i);
        }
        other.join();
        for (int i = 0; i < perThread; i++) {
            assertThat(filter.mightContain("a-" + i)).isTrue();
            assertThat(filter.mightContain("b-" + i)).isTrue();
        }
    }

    private static String id(Random random, HexFormat hex) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return hex.formatHex(bytes);
    }
}
