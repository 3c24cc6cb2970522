package org.qcchain.node.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.qcchain.common.json.Json;
import org.qcchain.common.proof.CommittedRecord;
import org.qcchain.common.proof.DataRecord;
import org.qcchain.common.proof.RetiredRecord;

/** Reads and writes rows of the {@code records} table. */
final class RecordRows {

    private RecordRows() {}

    /**
     * Inserts a batch's records in leaf order.
     *
     * @param sourceRows for a live dataset, each record's row key in the source (its values are not
     *     stored); {@code null} to store the values
     */
    static void insert(Connection connection, String batchId, List<CommittedRecord> records, List<String> sourceRows)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO records (dataset_id, "
                + "record_id, version, subject, fields, record_root, batch_id, leaf_index, source_row) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < records.size(); i++) {
                DataRecord record = records.get(i).record();
                insert.setString(1, record.datasetId());
                insert.setString(2, record.recordId());
                insert.setLong(3, record.version());
                insert.setString(4, record.subject());
                insert.setString(5, sourceRows == null ? Json.write(record.fields()) : null);
                insert.setString(6, records.get(i).rootHex());
                insert.setString(7, batchId);
                insert.setInt(8, i);
                insert.setString(9, sourceRows == null ? null : sourceRows.get(i));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Inserts a batch of retiring versions ({@link RetiredRecord}) in leaf order: no fields, no row
     * key, the retired flag.
     */
    static void insertRetired(Connection connection, String batchId, List<RetiredRecord> records, List<String> roots)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO records (dataset_id, "
                + "record_id, version, subject, fields, record_root, batch_id, leaf_index, source_row, retired) "
                + "VALUES (?, ?, ?, ?, NULL, ?, ?, ?, NULL, TRUE)")) {
            for (int i = 0; i < records.size(); i++) {
                RetiredRecord record = records.get(i);
                insert.setString(1, record.datasetId());
                insert.setString(2, record.recordId());
                insert.setLong(3, record.version());
                insert.setString(4, record.subject());
                insert.setString(5, roots.get(i));
                insert.setString(6, batchId);
                insert.setInt(7, i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Every anchored version of a subject's records in a dataset. A record id is derived from the
     * subject's pseudonym ({@link RecordIds}), so all versions of a record belong to the same
     * subject and the newest of each is found among these rows ({@link #latest}); a correlated
     * sub-query for the newest version cost H2 a second index walk per row. Rows of batches not
     * yet anchored are left out by the caller's test, not by a join ({@link #latest}).
     */
    static final String LATEST = "SELECT record_id, version, fields, record_root, batch_id, leaf_index, source_row, "
            + "retired FROM records WHERE dataset_id = ? AND subject = ?";

    /** The newest anchored version of each record of a subject, newest batch first, at most {@code limit}. */
    private static final Comparator<LatestRow> NEWEST_BATCH_FIRST = Comparator.comparing(LatestRow::batchId)
            .thenComparingInt(LatestRow::leafIndex).reversed();

    /**
     * One row of {@link #LATEST}; fields stay text until the row is known to be kept. A live
     * dataset's row has no fields but the source's key of its row; a retiring version has neither.
     */
    private record LatestRow(String recordId, long version, String fields, String recordRoot, String batchId,
            int leafIndex, String sourceRow, boolean retired) {}

    /** Reads a live record's values from its source; see {@link ProviderStore}. */
    @FunctionalInterface
    interface LiveReader {
        DataRecord read(String recordId, long version, String sourceRow);
    }

    /**
     * Runs {@link #LATEST}, prepared by the caller (and kept: this does not close it), keeping the
     * rows of anchored batches only. A record whose newest anchored version retires it is left out.
     */
    static List<StoredRecord> latest(PreparedStatement query, String datasetId, String subject, int limit,
            Predicate<String> anchoredBatch, LiveReader live) throws SQLException {
        Map<String, LatestRow> newest = new HashMap<>();
        query.setString(1, datasetId);
        query.setString(2, subject);
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                if (!anchoredBatch.test(rows.getString(5))) {
                    continue;
                }
                LatestRow row = new LatestRow(rows.getString(1), rows.getLong(2), rows.getString(3),
                        rows.getString(4), rows.getString(5), rows.getInt(6), rows.getString(7), rows.getBoolean(8));
                newest.merge(row.recordId(), row, (kept, other) -> other.version() > kept.version() ? other : kept);
            }
        }
        List<LatestRow> kept = new ArrayList<>(newest.size());
        for (LatestRow row : newest.values()) {
            if (!row.retired()) {
                kept.add(row);
            }
        }
        kept.sort(NEWEST_BATCH_FIRST);
        List<StoredRecord> found = new ArrayList<>(Math.min(limit, kept.size()));
        for (LatestRow row : kept.subList(0, Math.min(limit, kept.size()))) {
            if (row.fields() == null) {
                found.add(new StoredRecord(live.read(row.recordId(), row.version(), row.sourceRow()),
                        row.recordRoot(), row.batchId(), row.leafIndex(), true));
                continue;
            }
            DataRecord.Builder record = DataRecord.builder().datasetId(datasetId)
                    .recordId(row.recordId()).version(row.version()).subject(subject);
            ObjectNode fields = (ObjectNode) Json.tree(row.fields());
            for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                record.field(field.getKey(), field.getValue());
            }
            found.add(new StoredRecord(record.build(), row.recordRoot(), row.batchId(), row.leafIndex()));
        }
        return found;
    }

    static List<String> leaves(Connection connection, String datasetId, String batchId) throws SQLException {
        List<String> roots = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT record_root FROM records "
                + "WHERE dataset_id = ? AND batch_id = ? ORDER BY leaf_index")) {
            query.setString(1, datasetId);
            query.setString(2, batchId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    roots.add(rows.getString(1));
                }
            }
        }
        return roots;
    }

    static long count(Connection connection, String datasetId) throws SQLException {
        return StoreSchema.countOf(connection, "records", datasetId);
    }

    /** How many record rows each batch of a dataset holds, by batch id (a walk of the batch index). */
    static Map<String, RowCounts> countsByBatch(Connection connection, String datasetId) throws SQLException {
        Map<String, RowCounts> counts = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT batch_id, COUNT(*), "
                + "COUNT(CASE WHEN retired THEN 1 END) FROM records WHERE dataset_id = ? GROUP BY batch_id")) {
            query.setString(1, datasetId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), new RowCounts(rows.getLong(2), rows.getLong(3)));
                }
            }
        }
        return counts;
    }

    /**
     * A batch's record rows in the store.
     *
     * @param rows how many
     * @param retired how many of them are versions that retire their records
     */
    record RowCounts(long rows, long retired) {

        /** No row: what a batch whose rows are all lost has. */
        static final RowCounts NONE = new RowCounts(0, 0);
    }

    /**
     * A record's newest anchored version, its root and (for a live dataset) its row key; empty for
     * a record without an anchored version. A version in a batch left unanchored does not count:
     * it is never answered, so its values cannot stand for the record's.
     */
    static Optional<StoredVersion> newestAnchored(Connection connection, String datasetId, String recordId)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT r.version, r.record_root, r.source_row"
                + " FROM records r JOIN batches b ON b.dataset_id = r.dataset_id AND b.batch_id = r.batch_id"
                + " WHERE r.dataset_id = ? AND r.record_id = ? AND b.anchor_tx IS NOT NULL"
                + " ORDER BY r.version DESC LIMIT 1")) {
            query.setString(1, datasetId);
            query.setString(2, recordId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new StoredVersion(rows.getLong(1), rows.getString(2),
                        rows.getString(3))) : Optional.empty();
            }
        }
    }

    /** A stored version of a record, its committed root and its row key in a live source (or null). */
    record StoredVersion(long version, String recordRoot, String sourceRow) {}

    /**
     * The records of a dataset whose newest stored version does not retire them, and that {@code
     * keep} does not name: those an import that read every row of its source no longer saw. Walks
     * the primary key in (record, version) order.
     *
     * @return the records, in record id order
     */
    static List<UnretiredRecord> notIn(Connection connection, String datasetId, Predicate<String> keep)
            throws SQLException {
        List<UnretiredRecord> missing = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT record_id, subject, retired"
                + " FROM records WHERE dataset_id = ? ORDER BY record_id, version")) {
            query.setString(1, datasetId);
            try (ResultSet rows = query.executeQuery()) {
                UnretiredRecord record = null;
                boolean retired = false; // whether the newest version read so far of that record retires it
                while (rows.next()) {
                    if (record != null && !rows.getString(1).equals(record.recordId())) {
                        addIfMissing(missing, record, retired, keep);
                    }
                    record = new UnretiredRecord(rows.getString(1), rows.getString(2));
                    retired = rows.getBoolean(3);
                }
                addIfMissing(missing, record, retired, keep);
            }
        }
        return missing;
    }

    /** A record whose newest stored version does not retire it, and its subject's pseudonym. */
    record UnretiredRecord(String recordId, String subject) {}

    private static void addIfMissing(List<UnretiredRecord> missing, UnretiredRecord record, boolean retired,
            Predicate<String> keep) {
        if (record != null && !retired && !keep.test(record.recordId())) {
            missing.add(record);
        }
    }

    /** Points a live record's version at its row's new key in the source. */
    static void moveSourceRow(Connection connection, String datasetId, String recordId, long version, String sourceRow)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE records SET source_row = ?"
                + " WHERE dataset_id = ? AND record_id = ? AND version = ?")) {
            update.setString(1, sourceRow);
            update.setString(2, datasetId);
            update.setString(3, recordId);
            update.setLong(4, version);
            update.executeUpdate();
        }
    }

    /** The highest version of a record stored or waiting for an anchor; 0 for a new record. */
    static long latestVersion(Connection connection, String datasetId, String recordId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT GREATEST("
                + "COALESCE((SELECT MAX(version) FROM records WHERE dataset_id = ? AND record_id = ?), 0), "
                + "COALESCE((SELECT MAX(version) FROM pending_records WHERE dataset_id = ? AND record_id = ?), 0))")) {
            query.setString(1, datasetId);
            query.setString(2, recordId);
            query.setString(3, datasetId);
            query.setString(4, recordId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
