package org.qcchain.node.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;

/**
 * A {@link SourceAdapter} of one record written as a JSON object, the body of a single-record
 * upload: {@code {"subjectType", "subjectNumber", "sequence"?, "version"?, "fields": {...}}}, as
 * one line of {@link NdjsonSource}.
 */
public final class JsonRecordSource implements SourceAdapter {

    private final String datasetId;
    private final JsonNode record;

    /**
     * @param datasetId the dataset the record belongs to
     * @param record the parsed JSON
     */
    public JsonRecordSource(String datasetId, JsonNode record) {
        this.datasetId = datasetId;
        this.record = record;
    }

    @Override
    public String datasetId() {
        return datasetId;
    }

    @Override
    public String placeOfLastRow(long index) {
        return "the record";
    }

    /** @throws IllegalArgumentException if the JSON is not a record */
    @Override
    public Iterator<SourceRow> rows() {
        return List.of(JsonRows.row(record, "the record")).iterator();
    }
}
