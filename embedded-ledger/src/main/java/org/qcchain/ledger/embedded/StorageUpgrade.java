package org.qcchain.ledger.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

/**
 * Turns a ledger of storage format 4 into format 5 in place, when it is opened: gives every
 * transaction row its {@link TransactionKeys lookup key} and indexes the table by it instead of by
 * the id, and replaces the state table's primary key by a plain index on the key (see {@link
 * Schema}). Blocks, hashes, signatures and the block file are not touched.
 *
 * <p>Each step can be run again, so an upgrade cut short by a crash is finished at the next
 * opening: the format is recorded as 5 only after the last step (H2 commits each schema change
 * on its own, so the steps are not one transaction).
 */
final class StorageUpgrade {

    private static final Logger LOGGER = Logger.getLogger(StorageUpgrade.class.getName());
    private static final int BATCH = 10_000;

    private StorageUpgrade() {}

    /** Upgrades a format-4 ledger and commits; leaves any other database as it is. */
    static void upgradeIfNeeded(Connection connection) throws SQLException {
        if (!tableExists(connection, "LEDGER_META")
                || !Bootstrap.meta(connection, "storageFormat").orElse("").equals("4")) {
            connection.rollback();
            return;
        }
        LOGGER.info("upgrading the ledger's storage from format 4 to 5: a lookup key for each transaction");
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE transactions ADD COLUMN IF NOT EXISTS tx_key BIGINT");
            long filled = fillKeys(connection);
            statement.execute("ALTER TABLE transactions ALTER COLUMN tx_key SET NOT NULL");
            statement.execute("DROP INDEX IF EXISTS transactions_by_id");
            statement.execute("CREATE INDEX IF NOT EXISTS transactions_by_key ON transactions(tx_key)");
            if (hasPrimaryKey(connection, "STATE")) {
                statement.execute("ALTER TABLE state DROP PRIMARY KEY");
            }
            statement.execute("CREATE INDEX IF NOT EXISTS state_by_key ON state(state_key)");
            statement.execute("UPDATE ledger_meta SET meta_value = '" + Schema.STORAGE_FORMAT
                    + "' WHERE name = 'storageFormat'");
            connection.commit();
            LOGGER.info("ledger storage upgraded to format " + Schema.STORAGE_FORMAT + " (" + filled
                    + " transaction keys written)");
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /** Writes the key of every row that has none yet, committing every {@value #BATCH} rows. */
    private static long fillKeys(Connection connection) throws SQLException {
        long filled = 0;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT block_no, tx_no, tx_id FROM transactions WHERE tx_key IS NULL LIMIT " + BATCH);
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE transactions SET tx_key = ? WHERE block_no = ? AND tx_no = ?")) {
            while (true) {
                int rows = 0;
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        update.setLong(1, TransactionKeys.of(row.getString(3)));
                        update.setLong(2, row.getLong(1));
                        update.setInt(3, row.getInt(2));
                        update.addBatch();
                        rows++;
                    }
                }
                if (rows == 0) {
                    return filled;
                }
                update.executeBatch();
                connection.commit();
                filled += rows;
                LOGGER.info(filled + " transaction keys written");
            }
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        return anyRow(connection, "SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                + " AND TABLE_NAME = ?", table);
    }

    private static boolean hasPrimaryKey(Connection connection, String table) throws SQLException {
        return anyRow(connection, "SELECT 1 FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = 'PUBLIC'"
                + " AND TABLE_NAME = ? AND CONSTRAINT_TYPE = 'PRIMARY KEY'", table);
    }

    private static boolean anyRow(Connection connection, String sql, String table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, table);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }
}
