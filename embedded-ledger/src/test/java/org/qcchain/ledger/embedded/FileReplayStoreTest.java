package org.qcchain.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.simulator.Version;

/** The replay kept in a file: what it stores comes back whole, and its file does not outlive it. */
class FileReplayStoreTest {

    @TempDir
    Path folder;

    @Test
    void gives_back_each_write_as_written_tombstones_and_writes_without_a_value_included() {
        ReplayState.Head value = new ReplayState.Head(new Version(7, 3), "tx-济南",
                Instant.ofEpochSecond(1_780_000_000L, 123_456_789), false, new byte[32], 41);
        ReplayState.Head tombstone = new ReplayState.Head(new Version(9, 0), "tx9", Instant.EPOCH, true, null, 0);

        for (ReplayState.Head head : List.of(value, tombstone)) {
            assertThat(FileReplayStore.decode(FileReplayStore.encode(head))).usingRecursiveComparison().isEqualTo(head);
        }
    }

    @Test
    void keeps_keys_in_code_point_order_and_notes_each_transaction_id_once() {
        try (FileReplayStore store = FileReplayStore.create(folder)) {
            // UTF-16 order would put the supplementary-plane character before U+FFFD
            for (String key : List.of("\uFFFDlast", "\uD83D\uDE00emoji", "a\u0000b", "a", "泉城链")) {
                store.write(key, old -> new ReplayState.Head(new Version(1, 0), "t", Instant.EPOCH, false, null, 0));
            }
            List<String> keys = new ArrayList<>();
            for (Iterator<Map.Entry<String, ReplayState.Head>> all = store.from(""); all.hasNext();) {
                keys.add(all.next().getKey());
            }

            assertThat(keys).containsExactly("a", "a\u0000b", "泉城链", "\uFFFDlast", "\uD83D\uDE00emoji");
            assertThat(store.from("b").next().getKey()).isEqualTo("泉城链");
            assertThat(store.firstSight("tx1")).isTrue();
            assertThat(store.firstSight("tx2")).isTrue();
            assertThat(store.firstSight("tx1")).isFalse();
        }
    }

    @Test
    void deletes_its_file_when_closed_and_files_no_open_store_holds_when_asked() throws Exception {
        Path leftover = Files.writeString(folder.resolve(FileReplayStore.PREFIX + "4194305-1" + FileReplayStore.SUFFIX),
                "left by a verification killed midway");
        Path another = Files.writeString(folder.resolve("ledger.mv.db"), "not a replay file");

        try (FileReplayStore store = FileReplayStore.create(folder)) {
            store.write("k", old -> new ReplayState.Head(new Version(1, 0), "t", Instant.EPOCH, false, null, 0));
            assertThat(LedgerEdits.replayFiles(folder)).hasSize(2);

            // another verification starting: the open store's file is held by H2's lock and stays
            FileReplayStore.deleteLeftovers(folder);

            assertThat(leftover).doesNotExist();
            assertThat(LedgerEdits.replayFiles(folder)).singleElement().satisfies(file ->
                    assertThat(file.getFileName().toString())
                            .startsWith(FileReplayStore.PREFIX + ProcessHandle.current().pid() + "-"));
            assertThat(store.head("k").version()).isEqualTo(new Version(1, 0));
        }

        assertThat(LedgerEdits.replayFiles(folder)).isEmpty();
        assertThat(another).exists();
    }
}
