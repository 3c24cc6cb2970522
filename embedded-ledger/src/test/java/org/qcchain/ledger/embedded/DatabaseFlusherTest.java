package org.qcchain.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.common.crypto.CryptoSuite;

/**
 * The flusher's life: a ledger that forces its blocks forces H2's file on a thread of its own while
 * it is open, and stops that thread when it closes; a ledger that does not force its blocks has no
 * such thread. Threads are compared before and after, so a ledger another test left open does not
 * count. While it forces, H2 keeps emptied chunks for a shorter time than its own.
 */
class DatabaseFlusherTest {

    private static final String NAME = "qcchain-ledger-flusher";
    private final TestPlatform platform = new TestPlatform(CryptoSuite.P256_SHA256);

    @TempDir
    Path folder;

    @Test
    void runs_while_a_ledger_forcing_its_blocks_is_open() {
        LiveThreads.assertOneRunsWhileOpen(platform, folder, NAME);
    }

    @Test
    void does_not_run_for_a_ledger_that_leaves_its_blocks_to_the_os() {
        Set<Thread> before = LiveThreads.named(NAME);
        try (EmbeddedLedger ledger = EmbeddedLedger.open(folder,
                platform.builder(platform.membership()).syncEachBlock(false).build())) {
            platform.start(ledger);
            Set<Thread> ours = LiveThreads.named(NAME);
            ours.removeAll(before);
            assertThat(ours).isEmpty();
        }
    }

    @Test
    void shortens_h2s_retention_of_emptied_chunks_while_it_forces() throws Exception {
        try (Database database = Database.open(folder, 1)) {
            MVStore store = Database.mvStore(database.writer());
            assertThat(store.getRetentionTime()).as("H2's own")
                    .isEqualTo(DatabaseFlusher.H2_DEFAULT_RETENTION.toMillis());
            try (DatabaseFlusher flusher = new DatabaseFlusher(store)) {
                flusher.start();
                assertThat(store.getRetentionTime()).isEqualTo(DatabaseFlusher.RETENTION.toMillis());
            }
        }
    }
}
