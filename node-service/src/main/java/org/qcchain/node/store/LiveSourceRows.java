package org.qcchain.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.qcchain.common.json.Json;

/** Reads and writes rows of the {@code live_sources} table: a live dataset's source, as JSON. */
final class LiveSourceRows {

    private LiveSourceRows() {}

    static Optional<LiveSourceDefinition> find(Connection connection, String datasetId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT definition FROM live_sources WHERE dataset_id = ?")) {
            query.setString(1, datasetId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(Json.parse(rows.getString(1), LiveSourceDefinition.class))
                        : Optional.empty();
            }
        }
    }

    static void put(Connection connection, String datasetId, LiveSourceDefinition definition) throws SQLException {
        try (PreparedStatement merge = connection.prepareStatement(
                "MERGE INTO live_sources (dataset_id, definition) KEY (dataset_id) VALUES (?, ?)")) {
            merge.setString(1, datasetId);
            merge.setString(2, Json.write(definition));
            merge.executeUpdate();
        }
    }
}
