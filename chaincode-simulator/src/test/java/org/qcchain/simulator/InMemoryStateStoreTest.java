package org.qcchain.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qcchain.simulator.Fixtures.commit;
import static org.qcchain.simulator.Fixtures.utf8;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryStateStoreTest {

    private static final String EMOJI = new String(Character.toChars(0x1F600));

    private final InMemoryStateStore state = new InMemoryStateStore();

    @Test
    void range_is_ascending_by_code_point_from_start_inclusive_to_end_exclusive() {
        commit(state, 1, "a", "1", "b" + EMOJI, "2", "b\uFFFD", "3", "c", "4");

        assertThat(keys(state.range("a", "c", 0)))
                .containsExactly("a", "b\uFFFD", "b" + EMOJI);
    }

    @Test
    void an_empty_end_key_means_no_end_and_a_limit_cuts_the_results() {
        commit(state, 1, "a", "1", "b", "2", "c", "3");

        assertThat(keys(state.range("b", "", 0))).containsExactly("b", "c");
        assertThat(keys(state.range("a", "", 2))).containsExactly("a", "b");
    }

    @Test
    void a_start_after_the_end_finds_nothing() {
        commit(state, 1, "a", "1", "z", "2");

        assertThat(state.range("z", "a", 0)).isEmpty();
    }

    @Test
    void apply_puts_and_deletes_at_the_transactions_version() {
        commit(state, 1, "a", "1", "b", "2");
        Map<String, Write> writes = Map.of("a", Write.of(utf8("one")), "b", Write.deletion());
        state.apply(ReadWriteSet.of(Map.of(), List.of(), writes, false), new Version(2, 0), "tx2",
                Instant.EPOCH);

        assertThat(state.get("a")).contains(new VersionedValue(utf8("one"), new Version(2, 0)));
        assertThat(state.get("b")).isEmpty();
        assertThat(state.size()).isEqualTo(1);
    }

    @Test
    void history_is_newest_first_with_deletions_flagged() {
        commit(state, 1, "a", "1");
        commit(state, 2, "a", "2");
        state.apply(ReadWriteSet.of(Map.of(), List.of(), Map.of("a", Write.deletion()), false),
                new Version(3, 0), "tx3", Fixtures.T0.plusSeconds(3));

        assertThat(state.history("a")).containsExactly(
                new HistoryEntry("tx3", Fixtures.T0.plusSeconds(3), new byte[0], true),
                new HistoryEntry("tx2", Fixtures.T0.plusSeconds(2), utf8("2"), false),
                new HistoryEntry("tx1", Fixtures.T0.plusSeconds(1), utf8("1"), false));
        assertThat(state.history("never")).isEmpty();
    }

    @Test
    void values_read_are_copies() {
        commit(state, 1, "a", "1");
        state.get("a").orElseThrow().value()[0] = 'X';
        state.range("a", "", 0).get(0).value()[0] = 'X';

        assertThat(state.get("a").orElseThrow().value()).isEqualTo(utf8("1"));
    }

    private static List<String> keys(List<VersionedKeyValue> results) {
        return results.stream().map(VersionedKeyValue::key).toList();
    }
}
