package org.qcchain.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.common.crypto.CryptoSuite;

/**
 * The block file holds every block's frame with its transactions' entries; H2 points into it. A
 * tail that is not a whole frame (what a crash in the middle of an append leaves) is cut off at
 * opening, a file that lost committed entries is refused, and entries read back are the ones
 * written. Whole frames beyond H2's last block are replayed: {@link BlockReplayTest}.
 */
class BlockFileTest {

    @TempDir
    Path folder;

    private final TestPlatform platform = new TestPlatform(CryptoSuite.P256_SHA256);

    private CommitResult prepare() {
        try (EmbeddedLedger ledger = platform.open(folder)) {
            Scenario.ready(platform, ledger);
            return platform.commit(ledger, platform.bank, "Access:requestAccess",
                    Scenario.signedRequest(platform, Scenario.CONSENT, Scenario.SUBJECT));
        }
    }

    @Nested
    class Entries {

        @Test
        void read_back_as_written_with_and_without_an_event() {
            TransactionData withEvent = new TransactionData("ab".repeat(32), new byte[] {1, 2}, new byte[] {3},
                    new byte[] {4, 5, 6}, 200, "fine 数据", new byte[] {7}, "AccessDecided", new byte[] {8, 9});
            TransactionData without = new TransactionData("cd".repeat(32), new byte[] {1}, new byte[] {2},
                    new byte[0], 500, "", new byte[0], null, null);

            for (TransactionData data : new TransactionData[] {withEvent, without}) {
                TransactionData read = TransactionData.decode(data.encode());
                assertThat(read.txId()).isEqualTo(data.txId());
                assertThat(read.proposal()).isEqualTo(data.proposal());
                assertThat(read.signature()).isEqualTo(data.signature());
                assertThat(read.rwset()).isEqualTo(data.rwset());
                assertThat(read.status()).isEqualTo(data.status());
                assertThat(read.message()).isEqualTo(data.message());
                assertThat(read.payload()).isEqualTo(data.payload());
                assertThat(read.eventName()).isEqualTo(data.eventName());
                assertThat(read.eventPayload()).isEqualTo(data.eventPayload());
            }
        }

        @Test
        void are_refused_when_cut_short_or_changed() {
            byte[] entry = new TransactionData("ab".repeat(32), new byte[] {1}, new byte[] {2}, new byte[] {3}, 200, "",
                    new byte[] {4}, null, null).encode();
            byte[] changed = entry.clone();
            changed[changed.length - 1] ^= 1;

            assertThatThrownBy(() -> TransactionData.decode(Arrays.copyOf(entry, entry.length - 1)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> TransactionData.decode(changed)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("checksum");
        }
    }

    @Test
    void cuts_off_a_torn_tail_at_opening_and_keeps_committing_after_it() throws Exception {
        CommitResult committed = prepare();
        Path file = folder.resolve(BlockFile.NAME);
        long size = Files.size(file);
        // what a crash in the middle of appending the next block leaves: half an entry
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(new byte[] {0, 0, 1, 0, 42, 42, 42}));
        }

        try (EmbeddedLedger ledger = platform.open(folder)) {
            assertThat(Files.size(file)).isEqualTo(size);
            assertThat(ledger.transaction(committed.txId())).hasValueSatisfying(tx -> assertThat(tx.isValid()).isTrue());
            CommitResult next = platform.commit(ledger, platform.bank, "Access:requestAccess",
                    Scenario.signedRequest(platform, Scenario.CONSENT, Scenario.SUBJECT));
            assertThat(next.isValid()).isTrue();
            assertThat(ledger.verify(ProgressListener.NONE).validTransactions()).isEqualTo(
                    ledger.verify(ProgressListener.NONE).transactions());
        }
    }

    @Test
    void cuts_off_a_whole_entry_that_is_not_in_a_frame() throws Exception {
        prepare();
        Path file = folder.resolve(BlockFile.NAME);
        byte[] bytes = Files.readAllBytes(file);
        long size = bytes.length;
        // a complete, well-formed entry the database does not know, but no block frame around it
        BlockFileEditor last = BlockFileEditor.at(folder, lastBlock(), 0);
        Files.write(file, Arrays.copyOfRange(bytes, (int) last.offset(), (int) last.end()),
                StandardOpenOption.APPEND);

        try (EmbeddedLedger ledger = platform.open(folder)) {
            assertThat(Files.size(file)).isEqualTo(size);
            ledger.verify(ProgressListener.NONE);
        }
    }

    @Test
    void refuses_to_open_when_the_file_lost_committed_entries() throws Exception {
        prepare();
        Path file = folder.resolve(BlockFile.NAME);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 10);
        }

        assertThatThrownBy(() -> platform.open(folder)).isInstanceOf(LedgerException.class)
                .hasMessageContaining(BlockFile.NAME).hasMessageContaining("missing");
    }

    @Test
    void refuses_a_ledger_of_the_earlier_storage_format_with_a_clear_message() throws Exception {
        prepare();
        sql("DELETE FROM ledger_meta WHERE name = 'storageFormat'");

        assertThatThrownBy(() -> platform.open(folder)).isInstanceOf(LedgerException.class)
                .hasMessageContaining("storage format 1").hasMessageContaining("rebuild");
    }

    @Test
    void refuses_a_ledger_of_storage_format_3_naming_both_formats() throws Exception {
        prepare();
        // as far as format 3 differs here: no lookup key, the transactions indexed by id
        ddl("DROP INDEX transactions_by_key");
        ddl("ALTER TABLE transactions DROP COLUMN tx_key");
        ddl("CREATE INDEX transactions_by_id ON transactions(tx_id)");
        sql("UPDATE ledger_meta SET meta_value = '3' WHERE name = 'storageFormat'");

        assertThatThrownBy(() -> platform.open(folder)).isInstanceOf(LedgerException.class)
                .hasMessageContaining("storage format 3").hasMessageContaining("storage format " + Schema.STORAGE_FORMAT)
                .hasMessageContaining("rebuild");
    }

    private long lastBlock() throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve("ledger").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url, "ledger", "");
                Statement statement = connection.createStatement();
                var row = statement.executeQuery("SELECT MAX(block_no) FROM transactions")) {
            row.next();
            return row.getLong(1);
        }
    }

    private void ddl(String change) throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve("ledger").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url, "ledger", "");
                Statement statement = connection.createStatement()) {
            statement.execute(change);
        }
    }

    private void sql(String update) throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve("ledger").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url, "ledger", "");
                Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate(update)).isPositive();
        }
    }
}
