package org.qcchain.node.store;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One row as a source unit's own database holds it, before pseudonymisation: the subject's real
 * identifier, the unit's sequence number of the row for that subject, the unit's own version of
 * the row if it keeps one, and the field values. The importer turns the identifier into a
 * pseudonym and never stores or logs it.
 *
 * @param subjectType the identifier type, e.g. {@code RESIDENT_ID} or {@code USCC}
 * @param subjectNumber the identifier itself
 * @param sequence distinguishes several rows of one subject (0 when there is one)
 * @param version the source's version of the row (at least 1), or {@code null} to let the store
 *     number versions; with a version, a re-import of an unchanged row is skipped
 * @param fields the values: strings, integers (as {@link Long} or {@link Integer}), booleans or
 *     null
 */
public record SourceRow(String subjectType, String subjectNumber, long sequence, Long version,
        Map<String, Object> fields) {

    /** Requires every part and copies the fields (null values allowed). */
    public SourceRow {
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectNumber, "subjectNumber");
        if (version != null && version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
        fields = Collections.unmodifiableMap(new TreeMap<>(fields));
    }

    /**
     * A row whose versions the store numbers.
     *
     * @param subjectType the identifier type
     * @param subjectNumber the identifier
     * @param sequence the row's number for the subject
     * @param fields the values
     */
    public SourceRow(String subjectType, String subjectNumber, long sequence, Map<String, Object> fields) {
        this(subjectType, subjectNumber, sequence, null, fields);
    }

    /** Never shows the identifier. */
    @Override
    public String toString() {
        return "SourceRow[" + subjectType + ", #" + sequence + (version == null ? "" : ", v" + version) + ", "
                + fields.keySet() + "]";
    }
}
