package org.qcchain.ledger.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.OptionalLong;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

/**
 * Turns a ledger of storage format 4 or 5 into format 6 in place, when it is opened. From 4 to 5:
 * gives every transaction row its {@link TransactionKeys lookup key} and indexes the table by it
 * instead of by the id, and replaces the state table's primary key by a plain index on the key
 * (see {@link Schema}). From 5 to 6: the block file becomes framed ({@link BlockFile#VERSION}); the
 * blocks written so far keep their bare entries, and {@value #FRAMES_FROM} in {@code ledger_meta}
 * records the first block with a frame. Blocks, hashes and signatures are not touched. One way: a
 * build of an earlier format refuses the result.
 *
 * <p>Each step can be run again, so an upgrade cut short by a crash is finished at the next
 * opening: the format is recorded only after the last step (H2 commits each schema change on its
 * own, so the steps are not one transaction), and forced to disk before the ledger opens.
 */
final class StorageUpgrade {

    private static final Logger LOGGER = Logger.getLogger(StorageUpgrade.class.getName());
    /** The {@code ledger_meta} entry naming the first block the block file holds as a frame. */
    static final String FRAMES_FROM = "blockFramesFrom";
    /** Blocks whose transaction rows get their keys per database transaction. */
    private static final int BLOCKS_PER_STEP = 200;
    private static final long LOG_EVERY_ROWS = 100_000;

    private StorageUpgrade() {}

    /**
     * The first block the block file holds as a frame, as {@code ledger_meta} records it; empty if
     * it records none or something that is not a block number.
     */
    static OptionalLong framesFrom(Connection connection) throws SQLException {
        String value = Bootstrap.meta(connection, FRAMES_FROM).orElse("");
        return value.matches("[0-9]{1,18}") ? OptionalLong.of(Long.parseLong(value)) : OptionalLong.empty();
    }

    /**
     * Upgrades a ledger of storage format {@code from}, 4 or 5 (the caller has checked that it is
     * one), commits and stores it.
     */
    static void upgrade(Connection connection, Path folder, int from) throws SQLException {
        LOGGER.info("upgrading the ledger's storage from format " + from + " to " + Schema.STORAGE_FORMAT);
        try {
            if (from == 4) {
                long keys = reshape(connection);
                LOGGER.info("format 5: " + keys + " transaction lookup keys written");
            }
            Bootstrap.StoredTip tip = Bootstrap.storedTip(connection);
            try (PreparedStatement merge = connection.prepareStatement(
                    "MERGE INTO ledger_meta (name, meta_value) KEY (name) VALUES (?, ?)")) {
                merge.setString(1, FRAMES_FROM);
                merge.setString(2, Long.toString(tip.height()));
                merge.executeUpdate();
            }
            connection.commit();
            BlockFile.upgrade(folder, tip.fileEnd());
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE ledger_meta SET meta_value = ? WHERE name = 'storageFormat'")) {
                update.setString(1, Integer.toString(Schema.STORAGE_FORMAT));
                update.executeUpdate();
            }
            connection.commit();
            Database.storeNow(connection);
            LOGGER.info("ledger storage upgraded to format " + Schema.STORAGE_FORMAT + "; blocks from "
                    + tip.height() + " on are framed in " + BlockFile.NAME);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /**
     * Gives existing tables the layout of format 5, whatever part of it they have already (each
     * step is skipped or repeated harmlessly); returns how many transaction keys it wrote. Also
     * used on the empty tables an opening that never committed block 0 left behind.
     */
    static long reshape(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // copies the table once: as long as the table, and as much disk again while it runs
            statement.execute("ALTER TABLE transactions ADD COLUMN IF NOT EXISTS tx_key BIGINT");
            long keys = fillKeys(connection);
            statement.execute("ALTER TABLE transactions ALTER COLUMN tx_key SET NOT NULL");
            statement.execute("DROP INDEX IF EXISTS transactions_by_id");
            statement.execute("CREATE INDEX IF NOT EXISTS transactions_by_key ON transactions(tx_key)");
            if (hasPrimaryKey(connection, "STATE")) {
                statement.execute("ALTER TABLE state DROP PRIMARY KEY");
            }
            statement.execute("CREATE INDEX IF NOT EXISTS state_by_key ON state(state_key)");
            return keys;
        }
    }

    /**
     * Writes the key of every row that has none yet, {@value #BLOCKS_PER_STEP} blocks per commit,
     * walking the primary key so that each row is read once.
     */
    private static long fillKeys(Connection connection) throws SQLException {
        long blocks;
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COALESCE(MAX(block_no), -1) + 1 FROM transactions")) {
            row.next();
            blocks = row.getLong(1);
        }
        long filled = 0;
        long logged = 0;
        try (PreparedStatement select = connection.prepareStatement("SELECT block_no, tx_no, tx_id FROM transactions"
                + " WHERE block_no >= ? AND block_no < ? AND tx_key IS NULL");
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE transactions SET tx_key = ? WHERE block_no = ? AND tx_no = ?")) {
            for (long from = 0; from < blocks; from += BLOCKS_PER_STEP) {
                select.setLong(1, from);
                select.setLong(2, from + BLOCKS_PER_STEP);
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
                if (rows > 0) {
                    update.executeBatch();
                    connection.commit();
                    filled += rows;
                }
                if (filled - logged >= LOG_EVERY_ROWS) {
                    logged = filled;
                    LOGGER.info(filled + " transaction keys written, " + Math.min(from + BLOCKS_PER_STEP, blocks)
                            + " of " + blocks + " blocks");
                }
            }
        }
        return filled;
    }

    static boolean tableExists(Connection connection, String table) throws SQLException {
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
