package org.qcchain.ledger.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.simulator.HistoryEntry;

/**
 * The filter of stored state keys: "maybe" for everything until the keys stored before opening are
 * loaded, then "no" only for keys without a state row; and a ledger that uses it reads, chains
 * and verifies exactly as one that asks H2 every time.
 */
class StoredKeysTest {

    @TempDir
    Path folder;

    @Test
    void says_maybe_until_loaded_then_no_only_for_keys_without_a_row() throws Exception {
        try (Connection connection = Database.connectAsLedger("jdbc:h2:file:" + folder.resolve("keys"))) {
            Schema.create(connection);
            insertState(connection, "live", false);
            insertState(connection, "deleted", true);
            insertState(connection, "\u4e2d\u6587~key", false);
            connection.commit();

            StoredKeys keys = new StoredKeys();
            assertThat(keys.mightExist("never-stored")).as("not loaded yet").isTrue();
            assertThat(keys.load(connection, () -> false)).isEqualTo(3);

            assertThat(keys.loaded()).isTrue();
            assertThat(keys.mightExist("live")).isTrue();
            assertThat(keys.mightExist("deleted")).as("a tombstone keeps its history head").isTrue();
            assertThat(keys.mightExist("\u4e2d\u6587~key")).isTrue();
            assertThat(keys.mightExist("never-stored")).isFalse();
            keys.add("never-stored");
            assertThat(keys.mightExist("never-stored")).isTrue();
        }
    }

    @Test
    void a_stopped_load_leaves_every_key_maybe() throws Exception {
        try (Connection connection = Database.connectAsLedger("jdbc:h2:file:" + folder.resolve("keys"))) {
            Schema.create(connection);
            for (int i = 0; i < 5_000; i++) {
                insertState(connection, "key-" + i, false);
            }
            connection.commit();

            StoredKeys keys = new StoredKeys();
            assertThat(keys.load(connection, () -> true)).isEqualTo(-1);

            assertThat(keys.loaded()).isFalse();
            assertThat(keys.mightExist("never-stored")).isTrue();
        }
    }

    @Test
    void after_a_reopening_old_keys_chain_on_deleted_keys_come_back_and_new_keys_read_as_absent() throws Exception {
        TestPlatform platform = new TestPlatform(CryptoSuite.P256_SHA256);
        String one;
        String gone;
        String deletion;
        try (EmbeddedLedger ledger = platform.open(folder)) {
            platform.start(ledger);
            one = platform.commit(ledger, platform.bank, "TestKeys:put", "kept", "one").txId();
            gone = platform.commit(ledger, platform.bank, "TestKeys:put", "deleted", "gone").txId();
            deletion = platform.commit(ledger, platform.bank, "TestKeys:delete", "deleted").txId();
        }
        try (EmbeddedLedger ledger = platform.open(folder)) {
            ((EmbeddedLedgerImpl) ledger).awaitStoredKeys();

            assertThat(read(platform, ledger, "kept")).isEqualTo("one");
            assertThat(read(platform, ledger, "deleted")).isEqualTo("(absent)");
            assertThat(read(platform, ledger, "fresh")).isEqualTo("(absent)");

            String two = platform.commit(ledger, platform.bank, "TestKeys:put", "kept", "two").txId();
            String back = platform.commit(ledger, platform.bank, "TestKeys:put", "deleted", "back").txId();
            String fresh = platform.commit(ledger, platform.bank, "TestKeys:put", "fresh", "new").txId();

            assertThat(read(platform, ledger, "fresh")).isEqualTo("new");
            assertThat(ledger.history("kept")).extracting(HistoryEntry::txId).containsExactly(two, one);
            assertThat(ledger.history("deleted")).extracting(HistoryEntry::txId, HistoryEntry::deleted)
                    .containsExactly(tuple(back, false), tuple(deletion, true), tuple(gone, false));
            assertThat(ledger.history("fresh")).extracting(HistoryEntry::txId).containsExactly(fresh);
            ledger.verify(ProgressListener.NONE);
        }
    }

    private static String read(TestPlatform platform, EmbeddedLedger ledger, String key) {
        EvaluateResult result = ledger.evaluate(platform.proposal(platform.bank, "TestKeys:get", key));
        return new String(result.payload(), UTF_8);
    }

    private static void insertState(Connection connection, String key, boolean deleted) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO state (state_key, state_value,"
                + " block_no, tx_no, tx_id, tx_seconds, tx_nanos, is_delete) VALUES (?, ?, 1, 0, 'tx', 0, 0, ?)")) {
            insert.setBytes(1, key.getBytes(UTF_8));
            insert.setBytes(2, deleted ? new byte[0] : "v".getBytes(UTF_8));
            insert.setBoolean(3, deleted);
            insert.executeUpdate();
        }
    }
}
