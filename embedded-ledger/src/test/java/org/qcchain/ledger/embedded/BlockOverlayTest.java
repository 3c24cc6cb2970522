package org.qcchain.ledger.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qcchain.simulator.InMemoryStateStore;
import org.qcchain.simulator.ReadWriteSet;
import org.qcchain.simulator.Version;
import org.qcchain.simulator.VersionedKeyValue;
import org.qcchain.simulator.Write;

/**
 * The state a block's transactions are validated against: committed state with the block's
 * earlier writes on top, for single keys and for ranges (which validation re-reads to find
 * phantoms), in code point order, before and after the first range read.
 */
class BlockOverlayTest {

    private static final Version COMMITTED = new Version(4, 0);

    @Test
    void single_keys_and_ranges_see_the_blocks_writes_over_the_committed_state() {
        InMemoryStateStore committed = new InMemoryStateStore();
        committed.apply(writes(Map.of("a1", Write.of(bytes("old a1")), "a2", Write.of(bytes("old a2")),
                "b1", Write.of(bytes("old b1")))), COMMITTED, "tx0", Instant.EPOCH);
        BlockOverlay overlay = new BlockOverlay(committed);

        overlay.apply(writes(Map.of("a2", Write.deletion(), "a3", Write.of(bytes("new a3")))), new Version(5, 0));

        assertThat(overlay.get("a2")).isEmpty();
        assertThat(overlay.get("a3")).hasValueSatisfying(v -> assertThat(v.version()).isEqualTo(new Version(5, 0)));
        assertThat(overlay.get("b1")).hasValueSatisfying(v -> assertThat(v.version()).isEqualTo(COMMITTED));
        assertThat(keys(overlay.range("a", "b", 0))).containsExactly("a1", "a3");

        // a write after the first range read must show in the next one
        overlay.apply(writes(Map.of("a0", Write.of(bytes("new a0")), "a1", Write.deletion())), new Version(5, 1));

        assertThat(keys(overlay.range("a", "b", 0))).containsExactly("a0", "a3");
        assertThat(keys(overlay.range("a", "", 2))).containsExactly("a0", "a3");
        assertThat(overlay.get("a1")).isEmpty();
    }

    @Test
    void ranges_follow_code_point_order_not_utf16_order() {
        // U+1F600 is a surrogate pair in UTF-16 (sorted before U+FF21 by String.compareTo); by code
        // point, as in Fabric, it comes after
        String supplementary = "k\uD83D\uDE00";
        String fullwidth = "k\uFF21";
        BlockOverlay overlay = new BlockOverlay(new InMemoryStateStore());
        overlay.apply(writes(Map.of(supplementary, Write.of(bytes("1")), fullwidth, Write.of(bytes("2")))),
                new Version(1, 0));

        assertThat(keys(overlay.range("k", "", 0))).containsExactly(fullwidth, supplementary);
        assertThat(keys(overlay.range("k", "k\uFFFF", 0))).containsExactly(fullwidth);
    }

    private static ReadWriteSet writes(Map<String, Write> writes) {
        return ReadWriteSet.of(Map.of(), List.of(), writes, false);
    }

    private static List<String> keys(List<VersionedKeyValue> found) {
        return found.stream().map(VersionedKeyValue::key).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
