package org.qcchain.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** The tables of a provider store, created if missing (see {@link ProviderStore}). */
final class StoreSchema {

    private StoreSchema() {}

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS store_meta (name VARCHAR(64) PRIMARY KEY, "
                    + "meta_value VARCHAR(4096) NOT NULL)");
            statement.execute("CREATE TABLE IF NOT EXISTS records ("
                    + "dataset_id VARCHAR(128) NOT NULL, record_id VARCHAR(128) NOT NULL, "
                    + "version BIGINT NOT NULL, subject CHAR(64) NOT NULL, fields CLOB NOT NULL, "
                    + "record_root CHAR(64) NOT NULL, batch_id VARCHAR(128) NOT NULL, "
                    + "leaf_index INT NOT NULL, PRIMARY KEY (dataset_id, record_id, version))");
            statement.execute("CREATE INDEX IF NOT EXISTS records_by_subject ON records "
                    + "(dataset_id, subject)");
            statement.execute("CREATE INDEX IF NOT EXISTS records_by_batch ON records "
                    + "(dataset_id, batch_id, leaf_index)");
            statement.execute("CREATE TABLE IF NOT EXISTS batches ("
                    + "dataset_id VARCHAR(128) NOT NULL, batch_id VARCHAR(128) NOT NULL, "
                    + "record_count INT NOT NULL, merkle_root CHAR(64) NOT NULL, anchor_tx CHAR(64), "
                    + "PRIMARY KEY (dataset_id, batch_id))");
        }
    }

    /** The number of rows of a dataset in {@code table}, one of this schema's tables. */
    static long countOf(Connection connection, String table, String datasetId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM " + table + " WHERE dataset_id = ?")) {
            query.setString(1, datasetId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static Optional<String> meta(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT meta_value FROM store_meta WHERE name = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    static void putMeta(Connection connection, String name, String value) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "MERGE INTO store_meta (name, meta_value) KEY (name) VALUES (?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, value);
            insert.executeUpdate();
        }
    }
}
