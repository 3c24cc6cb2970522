package org.qcchain.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads and writes rows of the {@code batches} table. */
final class BatchRows {

    private BatchRows() {}

    static void insert(Connection connection, String datasetId, String batchId, int recordCount, String merkleRoot,
            boolean retiring) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO batches "
                + "(dataset_id, batch_id, record_count, merkle_root, retiring) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, datasetId);
            insert.setString(2, batchId);
            insert.setInt(3, recordCount);
            insert.setString(4, merkleRoot);
            insert.setBoolean(5, retiring);
            insert.executeUpdate();
        }
    }

    static void markAnchored(Connection connection, String datasetId, String batchId, String txId)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE batches SET anchor_tx = ? WHERE dataset_id = ? AND batch_id = ?")) {
            update.setString(1, txId);
            update.setString(2, datasetId);
            update.setString(3, batchId);
            update.executeUpdate();
        }
    }

    /** Notes an anchor the ledger holds for the batch, and the kind its statement gives it. */
    static void adoptAnchor(Connection connection, String datasetId, String batchId, String txId, boolean retiring)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE batches SET anchor_tx = ?, retiring = ? WHERE dataset_id = ? AND batch_id = ?")) {
            update.setString(1, txId);
            update.setBoolean(2, retiring);
            update.setString(3, datasetId);
            update.setString(4, batchId);
            update.executeUpdate();
        }
    }

    /** Every anchored batch, as {@link #anchoredKey}s. */
    static Set<String> anchored(Connection connection) throws SQLException {
        Set<String> keys = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT dataset_id, batch_id FROM batches WHERE anchor_tx IS NOT NULL");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                keys.add(anchoredKey(rows.getString(1), rows.getString(2)));
            }
        }
        return keys;
    }

    /** How {@link #anchored} names a batch. */
    static String anchoredKey(String datasetId, String batchId) {
        return datasetId + '\n' + batchId;
    }

    /** The batches of a dataset stored but not anchored (an import or anchoring cut short), in order. */
    static List<String> unanchored(Connection connection, String datasetId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT batch_id FROM batches "
                + "WHERE dataset_id = ? AND anchor_tx IS NULL ORDER BY batch_id")) {
            query.setString(1, datasetId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    /** Every batch of a dataset, anchored or not, in batch-id order. */
    static List<StoredBatch> all(Connection connection, String datasetId) throws SQLException {
        List<StoredBatch> batches = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT batch_id, record_count, merkle_root, "
                + "anchor_tx, retiring FROM batches WHERE dataset_id = ? ORDER BY batch_id")) {
            query.setString(1, datasetId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    batches.add(new StoredBatch(rows.getString(1), rows.getInt(2), rows.getString(3),
                            rows.getString(4), rows.getBoolean(5)));
                }
            }
        }
        return batches;
    }

    /** One batch of a dataset, anchored or not; empty if the store has no such batch. */
    static Optional<StoredBatch> find(Connection connection, String datasetId, String batchId)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT record_count, merkle_root, anchor_tx, "
                + "retiring FROM batches WHERE dataset_id = ? AND batch_id = ?")) {
            query.setString(1, datasetId);
            query.setString(2, batchId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredBatch(batchId, rows.getInt(1), rows.getString(2), rows.getString(3),
                        rows.getBoolean(4)));
            }
        }
    }

    static int count(Connection connection, String datasetId) throws SQLException {
        return (int) StoreSchema.countOf(connection, "batches", datasetId);
    }
}
