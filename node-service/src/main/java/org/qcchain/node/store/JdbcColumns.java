package org.qcchain.node.store;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What each column of a source query means: the subject's identifier type and number, the
 * source's record key and version, or a field of the dataset. Labels are matched ignoring case
 * and underscores, because databases fold unquoted names ({@code AS registeredOn} comes back as
 * {@code REGISTEREDON} from H2 and Oracle, {@code registeredon} from PostgreSQL): {@code
 * REGISTERED_ON} and {@code registeredOn} both name the field {@code registeredOn}.
 */
final class JdbcColumns {

    static final String SUBJECT_TYPE = "subjecttype";
    static final String SUBJECT_NUMBER = "subjectnumber";
    static final String RECORD_KEY = "recordkey";
    static final String RECORD_VERSION = "recordversion";
    static final String ROW_KEY = "rowkey";

    /** A field column: its catalogue name, position and SQL type. */
    record FieldColumn(String field, int index, int sqlType, String typeName, String label) {}

    final int subjectType;
    final int subjectNumber;
    final int recordKey;
    /** Whether the record key column is of a character type, so that its values are text keys. */
    final boolean recordKeyText;
    final int recordVersion;
    /** The source's own key of the row, for a live dataset; 0 when the query has none. */
    final int rowKey;
    /** Whether the row key column is of a character type (else an integer type). */
    final boolean rowKeyText;
    final List<FieldColumn> fields;

    private JdbcColumns(int subjectType, int subjectNumber, int recordKey, boolean recordKeyText, int recordVersion,
            int rowKey, boolean rowKeyText, List<FieldColumn> fields) {
        this.subjectType = subjectType;
        this.subjectNumber = subjectNumber;
        this.recordKey = recordKey;
        this.recordKeyText = recordKeyText;
        this.recordVersion = recordVersion;
        this.rowKey = rowKey;
        this.rowKeyText = rowKeyText;
        this.fields = fields;
    }

    /**
     * Reads the query's columns against the dataset's catalogue fields.
     *
     * @throws IllegalArgumentException for a column that is no field, a missing field or identifier,
     *     a column of a type no field value can hold; the message starts with "row 1"
     */
    static JdbcColumns resolve(ResultSetMetaData meta, String datasetId, Collection<String> catalogueFields)
            throws SQLException {
        Map<String, String> fieldByKey = new HashMap<>();
        for (String field : catalogueFields) {
            if (fieldByKey.put(key(field), field) != null) {
                throw new IllegalArgumentException("the catalogue of " + datasetId + " has fields that differ only"
                        + " in case or underscores; the JDBC source cannot tell them apart");
            }
        }
        int type = 0;
        int number = 0;
        int key = 0;
        int version = 0;
        int row = 0;
        List<FieldColumn> fields = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String label = meta.getColumnLabel(i);
            String k = key(label);
            switch (k) {
                case SUBJECT_TYPE -> type = i;
                case SUBJECT_NUMBER -> number = i;
                case RECORD_KEY -> key = i;
                case RECORD_VERSION -> version = i;
                case ROW_KEY -> row = i;
                default -> {
                    String field = fieldByKey.get(k);
                    if (field == null) {
                        throw new IllegalArgumentException("row 1: column '" + label + "' is no field of " + datasetId
                                + " (fields: " + String.join(", ", new TreeSet<>(catalogueFields))
                                + "; or subject_type, subject_number, record_key, record_version, row_key)");
                    }
                    if (!seen.add(field)) {
                        throw new IllegalArgumentException("row 1: two columns name the field '" + field + "'");
                    }
                    checkType(meta.getColumnType(i), meta.getColumnTypeName(i), label);
                    fields.add(new FieldColumn(field, i, meta.getColumnType(i), meta.getColumnTypeName(i), label));
                }
            }
        }
        if (type == 0 || number == 0) {
            throw new IllegalArgumentException("row 1: the query must name the columns subject_type and"
                    + " subject_number (e.g. SELECT 'RESIDENT_ID' AS subject_type, id_no AS subject_number, ...)");
        }
        TreeSet<String> missing = new TreeSet<>(catalogueFields);
        missing.removeAll(seen);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("row 1: the query has no column for the field(s) " + missing + " of "
                    + datasetId + "; select NULL AS <field> for a field the source does not keep");
        }
        boolean textKey = key != 0 && isTextKey(meta, key, "record_key", "a record key");
        boolean rowText = row != 0 && isTextKey(meta, row, "row_key", "a row key");
        return new JdbcColumns(type, number, key, textKey, version, row, rowText, List.copyOf(fields));
    }

    /**
     * Whether a key column is of a character type; an integer type is the other kind allowed.
     *
     * @throws IllegalArgumentException for a column of any other type
     */
    private static boolean isTextKey(ResultSetMetaData meta, int index, String role, String what) throws SQLException {
        boolean text = SqlValues.isText(meta.getColumnType(index));
        if (!text && !SqlValues.isNumber(meta.getColumnType(index))) {
            throw new IllegalArgumentException("row 1: column '" + meta.getColumnLabel(index) + "' (" + role + ") has"
                    + " the SQL type " + meta.getColumnTypeName(index) + "; " + what + " is an integer or a string");
        }
        return text;
    }

    /** The matching key of a label or field name: lower case, without underscores. */
    static String key(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static void checkType(int sqlType, String typeName, String label) {
        if (!SqlValues.supports(sqlType)) {
            throw new IllegalArgumentException("row 1: column '" + label + "' has the SQL type " + typeName
                    + ", which no field value can hold; select it as a string, or leave it out");
        }
    }
}
