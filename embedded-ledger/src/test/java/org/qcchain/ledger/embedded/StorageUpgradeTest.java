package org.qcchain.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.common.crypto.CryptoSuite;

/**
 * A ledger of storage format 4 (transactions indexed by id, the state key as primary key) or 5
 * (bare entries in the block file) is upgraded to the current format when opened, keeps every block
 * and verifies, and is found by id as before; blocks from the upgrade on are framed.
 */
class StorageUpgradeTest {

    @TempDir
    Path folder;

    private final TestPlatform platform = new TestPlatform(CryptoSuite.P256_SHA256);

    @Test
    void upgrades_a_format_4_ledger_in_place() throws Exception {
        String requestTx = ledgerWithARequest();
        downgradeToFormat4();
        assertThat(meta("storageFormat")).isEqualTo("4");

        try (EmbeddedLedger ledger = platform.open(folder)) {
            assertThat(ledger.transaction(requestTx)).as("found by id after the upgrade").isPresent();
            ledger.verify(ProgressListener.NONE);
            // and it goes on committing, new keys and rewritten ones alike
            platform.commit(ledger, platform.bank, "Access:requestAccess",
                    Scenario.signedRequest(platform, Scenario.CONSENT, Scenario.SUBJECT));
            ledger.verify(ProgressListener.NONE);
        }
        assertThat(meta("storageFormat")).isEqualTo(Integer.toString(Schema.STORAGE_FORMAT));
        assertThat(query("SELECT COUNT(*) FROM transactions WHERE tx_key IS NULL")).isZero();
        assertThat(query("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_NAME = 'STATE'"
                + " AND CONSTRAINT_TYPE = 'PRIMARY KEY'")).as("state primary key dropped").isZero();
        assertThat(query("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME = 'TRANSACTIONS_BY_ID'"))
                .as("id index dropped").isZero();
    }

    @Test
    void finishes_an_upgrade_cut_short() throws Exception {
        String requestTx = ledgerWithARequest();
        downgradeToFormat4();
        // what a crash part-way through leaves: the column, the keys of the first blocks, no index
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE transactions ADD COLUMN tx_key BIGINT");
            statement.execute("DROP INDEX transactions_by_id");
            try (ResultSet row = statement.executeQuery("SELECT block_no, tx_no, tx_id FROM transactions"
                    + " WHERE block_no < 3");
                    PreparedStatement update = connection.prepareStatement(
                            "UPDATE transactions SET tx_key = ? WHERE block_no = ? AND tx_no = ?")) {
                while (row.next()) {
                    update.setLong(1, TransactionKeys.of(row.getString(3)));
                    update.setLong(2, row.getLong(1));
                    update.setInt(3, row.getInt(2));
                    update.executeUpdate();
                }
            }
        }

        try (EmbeddedLedger ledger = platform.open(folder)) {
            assertThat(ledger.transaction(requestTx)).isPresent();
            ledger.verify(ProgressListener.NONE);
        }
        assertThat(meta("storageFormat")).isEqualTo(Integer.toString(Schema.STORAGE_FORMAT));
        assertThat(query("SELECT COUNT(*) FROM transactions WHERE tx_key IS NULL")).isZero();
    }

    @Test
    void upgrades_a_format_5_ledger_framing_the_blocks_written_from_then_on() throws Exception {
        String requestTx = ledgerWithARequest();
        UnframedLedger.unframe(folder);
        long height = query("SELECT COUNT(*) FROM blocks");

        String laterTx;
        try (EmbeddedLedger ledger = platform.open(folder)) {
            assertThat(ledger.transaction(requestTx)).as("found after the upgrade").isPresent();
            ledger.verify(ProgressListener.NONE);
            laterTx = platform.commit(ledger, platform.bank, "Access:requestAccess",
                    Scenario.signedRequest(platform, Scenario.CONSENT, Scenario.SUBJECT)).txId();
        }
        assertThat(meta("storageFormat")).isEqualTo(Integer.toString(Schema.STORAGE_FORMAT));
        assertThat(meta(StorageUpgrade.FRAMES_FROM)).isEqualTo(Long.toString(height));
        try (EmbeddedLedger ledger = platform.open(folder)) {
            VerificationReport report = ledger.verify(ProgressListener.NONE);
            assertThat(report.height()).isEqualTo(height + 1);
            assertThat(ledger.transaction(requestTx)).isPresent();
            assertThat(ledger.transaction(laterTx)).isPresent();
        }
    }

    @Test
    void finishes_an_upgrade_from_format_5_cut_short_after_the_block_file_was_marked() throws Exception {
        String requestTx = ledgerWithARequest();
        UnframedLedger.unframe(folder);
        long end = query("SELECT MAX(file_end) FROM blocks");
        // the block file marked format 2, the database not yet recorded as format 6
        BlockFile.upgrade(folder, end);

        try (EmbeddedLedger ledger = platform.open(folder)) {
            assertThat(ledger.transaction(requestTx)).isPresent();
            platform.commit(ledger, platform.bank, "Access:requestAccess",
                    Scenario.signedRequest(platform, Scenario.CONSENT, Scenario.SUBJECT));
            ledger.verify(ProgressListener.NONE);
        }
        assertThat(meta("storageFormat")).isEqualTo(Integer.toString(Schema.STORAGE_FORMAT));
    }

    @Test
    void leaves_a_format_4_ledger_alone_when_it_refuses_to_open_it() throws Exception {
        try (EmbeddedLedger ledger = platform.open(folder)) {
            Scenario.ready(platform, ledger);
        }
        downgradeToFormat4();

        // another node's identity and membership: refused before anything is changed
        assertThatThrownBy(() -> new TestPlatform(CryptoSuite.P256_SHA256).open(folder))
                .isInstanceOf(LedgerException.class);
        assertThat(meta("storageFormat")).isEqualTo("4");
        assertThat(query("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'TRANSACTIONS'"
                + " AND COLUMN_NAME = 'TX_KEY'")).isZero();
    }

    @Test
    void a_new_ledger_is_created_in_the_current_format_with_every_block_framed() throws Exception {
        try (EmbeddedLedger ledger = platform.open(folder)) {
            Scenario.ready(platform, ledger);
        }
        assertThat(meta("storageFormat")).isEqualTo(Integer.toString(Schema.STORAGE_FORMAT));
        assertThat(meta(StorageUpgrade.FRAMES_FROM)).isEqualTo("0");
    }

    /** Makes a ledger with the scenario and one data request; returns the request's transaction id. */
    private String ledgerWithARequest() {
        try (EmbeddedLedger ledger = platform.open(folder)) {
            Scenario.ready(platform, ledger);
            return platform.commit(ledger, platform.bank, "Access:requestAccess",
                    Scenario.signedRequest(platform, Scenario.CONSENT, Scenario.SUBJECT)).txId();
        }
    }

    /**
     * What format 4 looked like: bare entries in the block file, no lookup key, an index on the id,
     * the state key as primary key.
     */
    private void downgradeToFormat4() throws Exception {
        UnframedLedger.unframe(folder);
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP INDEX transactions_by_key");
            statement.execute("ALTER TABLE transactions DROP COLUMN tx_key");
            statement.execute("CREATE INDEX transactions_by_id ON transactions(tx_id)");
            statement.execute("DROP INDEX state_by_key");
            statement.execute("ALTER TABLE state ADD PRIMARY KEY (state_key)");
            statement.execute("UPDATE ledger_meta SET meta_value = '4' WHERE name = 'storageFormat'");
        }
    }

    private String meta(String name) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT meta_value FROM ledger_meta WHERE name = '"
                        + name + "'")) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }

    private long query(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("ledger").toAbsolutePath(), "ledger", "");
    }
}
