package org.qcchain.sdk.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One disclosed record after verification: its header, the disclosed values (and only those), and
 * the anchor that vouches for it.
 *
 * @param datasetId the dataset
 * @param recordId the provider's opaque record id
 * @param version the record version
 * @param subject the subject's pseudonym
 * @param values the disclosed values by field name: JSON strings, integers, booleans or nulls
 * @param anchor the verified anchor of the record's batch
 */
public record VerifiedRecord(
        String datasetId, String recordId, long version, String subject, SortedMap<String, JsonNode> values,
        VerifiedAnchor anchor) {

    /** Copies the values. */
    public VerifiedRecord {
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    /**
     * One value as text, for display: strings as they are, other scalars as JSON.
     *
     * @param field a disclosed field
     * @return the value, {@code "null"} for JSON null
     * @throws IllegalArgumentException if the field was not disclosed
     */
    public String text(String field) {
        JsonNode value = values.get(field);
        if (value == null) {
            throw new IllegalArgumentException("field '" + field + "' was not disclosed; disclosed: " + values.keySet());
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }

    /** Identifiers and field names only: values are personal data. */
    @Override
    public String toString() {
        return "VerifiedRecord[" + datasetId + "/" + recordId + " v" + version + ", fields=" + values.keySet() + "]";
    }
}
