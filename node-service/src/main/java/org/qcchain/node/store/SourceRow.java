package org.qcchain.node.store;

import java.util.Map;
import java.util.Objects;

/**
 * One row as a source unit's own database holds it, before pseudonymisation: the subject's real
 * identifier, the unit's sequence number of the row for that subject, and the field values.
 * The importer turns the identifier into a pseudonym and never stores or logs it.
 *
 * @param subjectType the identifier type, e.g. {@code RESIDENT_ID} or {@code USCC}
 * @param subjectNumber the identifier itself
 * @param sequence distinguishes several rows of one subject (0 when there is one)
 * @param fields the values: strings, integers (as {@link Long} or {@link Integer}), booleans or
 *     null
 */
public record SourceRow(String subjectType, String subjectNumber, long sequence, Map<String, Object> fields) {

    /** Requires every part and copies the fields (null values allowed). */
    public SourceRow {
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectNumber, "subjectNumber");
        fields = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(fields));
    }

    /** Never shows the identifier. */
    @Override
    public String toString() {
        return "SourceRow[" + subjectType + ", #" + sequence + ", " + fields.keySet() + "]";
    }
}
