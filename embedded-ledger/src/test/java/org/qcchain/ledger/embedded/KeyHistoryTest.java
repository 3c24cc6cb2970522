package org.qcchain.ledger.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.simulator.HistoryEntry;
import org.qcchain.simulator.VersionedKeyValue;

/**
 * The key history as a chain (storage formats 4 and 5: the latest write in the state row, superseded
 * writes in history): newest first, across blocks,
 * reopenings and deletions (a deleted key stays as a tombstone that reads and ranges do not see),
 * and every broken link named by {@code verify}.
 */
class KeyHistoryTest {

    private static final String KEY = "asset-1";

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void a_deleted_key_is_gone_from_reads_and_ranges_but_keeps_its_history_through_a_reopening(CryptoSuite suite)
            throws Exception {
        TestPlatform platform = new TestPlatform(suite);
        String v1;
        String v2;
        String deletion;
        try (EmbeddedLedger ledger = platform.open(folder)) {
            platform.start(ledger);
            v1 = platform.commit(ledger, platform.bank, "TestKeys:put", KEY, "one").txId();
            platform.commit(ledger, platform.bank, "TestKeys:put", "asset-2", "other");
            v2 = platform.commit(ledger, platform.bank, "TestKeys:put", KEY, "two").txId();
            deletion = platform.commit(ledger, platform.bank, "TestKeys:delete", KEY).txId();

            assertThat(ledger.state(KEY)).isEmpty();
            assertThat(ledger.stateRange("asset-", "asset.", 0)).extracting(VersionedKeyValue::key)
                    .containsExactly("asset-2");
            assertThat(ledger.stateRange("asset-", "asset.", 1)).extracting(VersionedKeyValue::key)
                    .as("a tombstone does not use up the limit").containsExactly("asset-2");
            assertThat(ledger.history(KEY)).extracting(HistoryEntry::txId, HistoryEntry::deleted)
                    .containsExactly(tuple(deletion, true),
                            tuple(v2, false),
                            tuple(v1, false));
        }
        try (EmbeddedLedger ledger = platform.open(folder)) {
            String v3 = platform.commit(ledger, platform.bank, "TestKeys:put", KEY, "three").txId();

            assertThat(ledger.state(KEY)).hasValueSatisfying(v ->
                    assertThat(new String(v.value(), UTF_8)).isEqualTo("three"));
            List<HistoryEntry> history = ledger.history(KEY);
            assertThat(history).extracting(HistoryEntry::txId).containsExactly(v3, deletion, v2, v1);
            assertThat(new String(history.get(0).value(), UTF_8)).isEqualTo("three");
            assertThat(history.get(1).value()).isEmpty();
            assertThat(new String(history.get(3).value(), UTF_8)).isEqualTo("one");
            assertThat(ledger.history("never-written")).isEmpty();
            ledger.verify(ProgressListener.NONE);
        }
    }

    @Test
    void two_writes_of_one_key_in_one_block_chain_to_each_other() throws Exception {
        TestPlatform platform = new TestPlatform(CryptoSuite.P256_SHA256);
        try (EmbeddedLedger ledger = platform.open(folder)) {
            platform.start(ledger);
            platform.commit(ledger, platform.bank, "TestKeys:put", KEY, "zero");
        }
        try (EmbeddedLedger ledger = EmbeddedLedger.open(folder, platform.options(2, Duration.ofMinutes(1)))) {
            // blind writes do not conflict: both are valid in one block, the later one wins
            CompletableFuture<CommitResult> first = ledger.submit(platform.proposal(platform.bank, "TestKeys:put",
                    KEY, "a"));
            CompletableFuture<CommitResult> second = ledger.submit(platform.proposal(platform.bank,
                    "TestKeys:putTwice", KEY, "b", "c"));
            assertThat(first.join().code()).isEqualTo(ValidationCode.VALID);
            assertThat(second.join().code()).isEqualTo(ValidationCode.VALID);
            assertThat(first.join().blockNumber()).isEqualTo(second.join().blockNumber());

            List<HistoryEntry> history = ledger.history(KEY);
            assertThat(history).hasSize(3);
            String latest = new String(history.get(0).value(), UTF_8);
            assertThat(ledger.state(KEY)).hasValueSatisfying(v ->
                    assertThat(new String(v.value(), UTF_8)).isEqualTo(latest));
            assertThat(new String(history.get(2).value(), UTF_8)).isEqualTo("zero");
            ledger.verify(ProgressListener.NONE);
        }
    }

    @Test
    void verify_names_the_block_of_a_history_row_unlinked_from_its_predecessor() throws Exception {
        long block = prepareThreeWrites();
        // the last history row is the write "two", which the last block superseded
        edit("UPDATE history SET previous_seq = NULL WHERE history_seq = (SELECT MAX(history_seq) FROM history)");

        assertTamperedAt(block, "history");
    }

    @Test
    void verify_names_the_block_of_a_state_row_pointing_at_an_older_history_row() throws Exception {
        long block = prepareThreeWrites();
        edit("UPDATE state SET previous_seq = previous_seq - 1 WHERE state_key = ?", KEY.getBytes(UTF_8));

        assertTamperedAt(block, "state key");
    }

    @Test
    void verify_names_the_block_of_a_key_turned_into_a_tombstone() throws Exception {
        long block = prepareThreeWrites();
        edit("UPDATE state SET is_delete = TRUE WHERE state_key = ?", KEY.getBytes(UTF_8));

        assertTamperedAt(block, "state key");
    }

    @Test
    void verify_finds_a_history_row_appended_after_the_last_write() throws Exception {
        long block = prepareThreeWrites();
        edit("INSERT INTO history SELECT history_seq + 1000, state_key, block_no, tx_no, tx_id, tx_seconds,"
                + " tx_nanos, is_delete, state_value, history_seq FROM history WHERE history_seq = (SELECT MAX(history_seq) FROM history)");

        // named by the block of the write the copied row claims: "two", one block before the last
        assertTamperedAt(block - 1, "history holds writes no transaction made");
    }

    @Test
    void reading_a_history_whose_chain_loops_fails_instead_of_running_forever() throws Exception {
        long block = prepareThreeWrites();
        edit("UPDATE history SET previous_seq = history_seq WHERE history_seq = (SELECT MAX(history_seq) FROM history)");

        try (EmbeddedLedger ledger = platform.open(folder)) {
            assertThatThrownBy(() -> ledger.history(KEY)).isInstanceOf(LedgerException.class)
                    .hasMessageContaining("loops");
        }
    }

    private TestPlatform platform;

    /** Three writes of {@link #KEY} in three blocks; returns the last block's number. */
    private long prepareThreeWrites() {
        platform = new TestPlatform(CryptoSuite.P256_SHA256);
        try (EmbeddedLedger ledger = platform.open(folder)) {
            platform.start(ledger);
            platform.commit(ledger, platform.bank, "TestKeys:put", KEY, "one");
            platform.commit(ledger, platform.bank, "TestKeys:put", KEY, "two");
            return platform.commit(ledger, platform.bank, "TestKeys:put", KEY, "three").blockNumber().getAsLong();
        }
    }

    private void assertTamperedAt(long block, String messagePart) {
        LedgerEdits.assertTamperedAt(platform, folder, block, messagePart);
    }

    private void edit(String sql, Object... parameters) throws SQLException {
        LedgerEdits.edit(folder, sql, parameters);
    }
}
