package org.qcchain.node.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.qcchain.common.json.Json;
import org.qcchain.common.proof.DataRecord;

/** Reads and writes rows of the {@code pending_records} table: uploaded records not yet in a batch. */
final class PendingRows {

    private PendingRows() {}

    static void insert(Connection connection, DataRecord record) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO pending_records "
                + "(dataset_id, record_id, version, subject, fields) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, record.datasetId());
            insert.setString(2, record.recordId());
            insert.setLong(3, record.version());
            insert.setString(4, record.subject());
            insert.setString(5, Json.write(record.fields()));
            insert.executeUpdate();
        }
    }

    /** The oldest pending records of a dataset, in upload order, with their sequence numbers. */
    static List<Pending> oldest(Connection connection, String datasetId, int limit) throws SQLException {
        List<Pending> found = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT seq, record_id, version, subject, fields "
                + "FROM pending_records WHERE dataset_id = ? ORDER BY seq LIMIT ?")) {
            query.setString(1, datasetId);
            query.setInt(2, limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    DataRecord.Builder record = DataRecord.builder().datasetId(datasetId).recordId(rows.getString(2))
                            .version(rows.getLong(3)).subject(rows.getString(4));
                    ObjectNode fields = (ObjectNode) Json.tree(rows.getString(5));
                    for (Map.Entry<String, JsonNode> field : fields.properties()) {
                        record.field(field.getKey(), field.getValue());
                    }
                    found.add(new Pending(rows.getLong(1), record.build()));
                }
            }
        }
        return found;
    }

    static void delete(Connection connection, String datasetId, long upToSeq) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM pending_records WHERE dataset_id = ? AND seq <= ?")) {
            delete.setString(1, datasetId);
            delete.setLong(2, upToSeq);
            delete.executeUpdate();
        }
    }

    static long count(Connection connection, String datasetId) throws SQLException {
        return StoreSchema.countOf(connection, "pending_records", datasetId);
    }

    /** A pending record and its place in the upload order. */
    record Pending(long seq, DataRecord record) {}
}
