package org.qcchain.ledger.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.simulator.InMemoryStateStore;
import org.qcchain.simulator.KeyOrder;
import org.qcchain.simulator.ReadWriteSet;
import org.qcchain.simulator.Version;
import org.qcchain.simulator.VersionedKeyValue;
import org.qcchain.simulator.Write;

/**
 * The replay's state answers MVCC validation as the simulator's full state store does (versions
 * and key sets of point and range reads), while it keeps only a digest of each value; the same
 * whether it is kept on the heap or in a file.
 */
class ReplayStateTest {

    @TempDir
    Path folder;

    /** Keys across the orders that matter: ASCII, composite-key separators, CJK, a supplementary-plane character. */
    private static final String[] KEYS = {"a", "b", "ba", "\u0000access\u0000a1\u0000", "\u0000access\u0000a2\u0000",
        "consent~7", "济南", "泉城链", "\uD83D\uDE00emoji", "\uFFFDlast", "z"};

    private ReplayStore store(LedgerOptions.ReplayPlace place) {
        return place == LedgerOptions.ReplayPlace.HEAP ? new HeapReplayStore(0, 0) : FileReplayStore.create(folder);
    }

    @ParameterizedTest
    @EnumSource(names = {"HEAP", "FILE"})
    void answers_every_point_and_range_read_as_the_full_state_store_does_after_random_writes_and_deletes(
            LedgerOptions.ReplayPlace place) {
        try (ReplayStore store = store(place)) {
            answersAsTheFullStateStore(new ReplayState(store));
        }
    }

    private static void answersAsTheFullStateStore(ReplayState replay) {
        Random random = new Random(20261127L);
        InMemoryStateStore full = new InMemoryStateStore();
        for (long block = 1; block <= 400; block++) {
            String key = KEYS[random.nextInt(KEYS.length)];
            Write write = random.nextInt(4) == 0 ? Write.deletion()
                    : Write.of(("value " + block).getBytes(UTF_8));
            Version version = new Version(block, 0);
            Instant time = Instant.ofEpochSecond(1_780_000_000L + block);
            full.apply(ReadWriteSet.of(Map.of(), List.of(), Map.of(key, write), false), version, "tx" + block, time);
            String txId = "tx" + block;
            ReplayState.Head before = replay.head(key);
            ReplayState.Head superseded = replay.write(key, old -> new ReplayState.Head(version, txId, time,
                    write.delete(), replay.digest(write.value()), 0));
            assertThat(superseded).usingRecursiveComparison().isEqualTo(before);
            assertThat(replay.head(key).version()).isEqualTo(version);

            for (String read : KEYS) {
                assertThat(replay.get(read).map(value -> value.version()))
                        .isEqualTo(full.get(read).map(value -> value.version()));
            }
            String start = KEYS[random.nextInt(KEYS.length)];
            String end = random.nextBoolean() ? "" : KEYS[random.nextInt(KEYS.length)];
            int limit = random.nextInt(4);
            assertThat(keysAndVersions(replay.range(start, end, limit)))
                    .as("range [%s, %s) limit %d", start, end, limit)
                    .isEqualTo(keysAndVersions(full.range(start, end, limit)));
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"HEAP", "FILE"})
    void gives_every_key_in_key_order_at_the_end_whether_or_not_a_range_was_read_midway(
            LedgerOptions.ReplayPlace place) {
        List<String> inKeyOrder = Arrays.stream(KEYS).sorted(KeyOrder.COMPARATOR).toList();
        for (boolean rangeMidway : new boolean[] {false, true}) {
            try (ReplayStore store = store(place)) {
                ReplayState replay = new ReplayState(store);
                for (int i = 0; i < KEYS.length; i++) {
                    // 7 and the 11 keys are coprime: every key once, out of order
                    String key = KEYS[i * 7 % KEYS.length];
                    Version version = new Version(i + 1, 0);
                    replay.write(key, old -> new ReplayState.Head(version, "tx" + version.blockNumber(),
                            Instant.EPOCH, false, replay.digest(key.getBytes(UTF_8)), 0));
                    if (rangeMidway && i == 4) {
                        assertThat(replay.range("", "", 0)).hasSize(5);
                    }
                }
                List<String> keys = new ArrayList<>();
                replay.inKeyOrder().forEachRemaining(entry -> {
                    keys.add(entry.getKey());
                    assertThat(entry.getValue().digest()).isEqualTo(replay.digest(entry.getKey().getBytes(UTF_8)));
                });

                assertThat(keys).as("range read midway: %s", rangeMidway).isEqualTo(inKeyOrder);
                assertThat(keysAndVersions(replay.range("b", "z", 0))).hasSize(inKeyOrder.indexOf("z")
                        - inKeyOrder.indexOf("b"));
            }
        }
    }

    @Test
    void keeps_a_digest_of_each_value_not_the_value() {
        ReplayState replay = new ReplayState(new HeapReplayStore(0, 0));
        byte[] value = "an access record of a few KB".getBytes(UTF_8);
        replay.write("k", old -> new ReplayState.Head(new Version(1, 0), "t", Instant.EPOCH, false, replay.digest(value),
                0));

        assertThat(replay.head("k").digest()).hasSize(32).isEqualTo(replay.digest(value.clone()))
                .isNotEqualTo(replay.digest("another value".getBytes(UTF_8)));
        assertThat(replay.digest(null)).isNull();
        assertThatThrownBy(() -> replay.history("k")).isInstanceOf(UnsupportedOperationException.class);
    }

    private static List<String> keysAndVersions(List<VersionedKeyValue> found) {
        return found.stream().map(entry -> entry.key() + "@" + entry.version()).toList();
    }
}
