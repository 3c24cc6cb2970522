package org.qcchain.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.common.crypto.CryptoSuite;

/** Where a verification keeps its replay, and what it tidies first. */
class ReplayChoiceTest {

    @TempDir
    Path folder;

    @Test
    void keeps_the_replay_on_the_heap_only_while_its_estimate_is_at_most_half_the_heap_free() {
        ReplayChoice.LedgerSize size = new ReplayChoice.LedgerSize(1_000, 100);
        long need = 1_000 * ReplayChoice.HEAP_BYTES_PER_KEY + 100 * ReplayChoice.HEAP_BYTES_PER_TRANSACTION;

        assertThat(size.heapBytes()).isEqualTo(need);
        assertThat(ReplayChoice.onHeap(size, 2 * need)).isTrue();
        assertThat(ReplayChoice.onHeap(size, 2 * need - 2)).isFalse();
        assertThat(ReplayChoice.onHeap(new ReplayChoice.LedgerSize(0, 0), 0)).isTrue();
    }

    @Test
    void keeps_the_replay_in_a_file_only_while_that_leaves_the_disk_its_reserve_for_the_ledger() {
        ReplayChoice.LedgerSize size = new ReplayChoice.LedgerSize(1_000, 100);
        long file = 1_000 * ReplayChoice.FILE_BYTES_PER_KEY + 100 * ReplayChoice.FILE_BYTES_PER_TRANSACTION;

        assertThat(size.fileBytes()).isEqualTo(file);
        assertThat(ReplayChoice.fitsDisk(size, file + ReplayChoice.DISK_RESERVE_BYTES)).isTrue();
        assertThat(ReplayChoice.fitsDisk(size, file + ReplayChoice.DISK_RESERVE_BYTES - 1)).isFalse();
    }

    @Test
    void sizes_the_ledger_from_h2s_estimates_which_match_the_rows_of_a_committed_ledger() throws Exception {
        TestPlatform platform = new TestPlatform(CryptoSuite.P256_SHA256);
        try (EmbeddedLedger ledger = platform.open(folder)) {
            Scenario.ready(platform, ledger);
            platform.commit(ledger, platform.bank, "Access:requestAccess",
                    Scenario.signedRequest(platform, Scenario.CONSENT, Scenario.SUBJECT));
        }

        try (Database database = Database.open(folder, 1)) {
            ReplayChoice.LedgerSize size = database.read(ReplayChoice::measure);
            assertThat(size.stateKeys()).isEqualTo(rows(database, "state")).isGreaterThan(10);
            assertThat(size.transactions()).isEqualTo(rows(database, "transactions")).isGreaterThan(5);
        }
    }

    private static long rows(Database database, String table) {
        return database.read(connection -> {
            try (java.sql.ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                count.next();
                return count.getLong(1);
            }
        });
    }

    @Test
    void a_verification_deletes_the_replay_file_a_killed_one_left_whichever_way_it_replays() throws Exception {
        TestPlatform platform = new TestPlatform(CryptoSuite.P256_SHA256);
        try (EmbeddedLedger ledger = platform.open(folder)) {
            Scenario.ready(platform, ledger);
        }
        Path leftover = Files.writeString(folder.resolve(FileReplayStore.PREFIX + "4194305-7" + FileReplayStore.SUFFIX),
                "left by a verification killed midway");

        try (EmbeddedLedger ledger = platform.open(folder, LedgerOptions.ReplayPlace.HEAP)) {
            assertThat(ledger.verify(ProgressListener.NONE).validTransactions()).isPositive();
        }

        assertThat(leftover).doesNotExist();
        assertThat(LedgerEdits.replayFiles(folder)).isEmpty();
    }
}
