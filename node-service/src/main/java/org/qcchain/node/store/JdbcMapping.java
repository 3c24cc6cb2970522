package org.qcchain.node.store;

import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A table of a source unit's database and which of its columns hold what, for when writing the
 * {@link JdbcSource} query by hand is not wanted. Read from a small JSON file:
 *
 * <pre>{@code
 * {"table": "VEH_REG",
 *  "subjectType": "RESIDENT_ID",              (or "subjectTypeColumn": "ID_KIND")
 *  "subjectNumberColumn": "OWNER_ID_NO",
 *  "recordKeyColumn": "REG_SEQ",              (optional)
 *  "recordVersionColumn": "REV",              (optional)
 *  "rowKeyColumn": "ROW_ID",                  (a live dataset's surrogate key of the row)
 *  "fields": {"plate": "PLATE_NO", "brand": "BRAND_NAME", "registeredOn": "REG_DATE"},
 *  "where": "STATE <> 'CANCELLED'"}           (optional)
 * }</pre>
 *
 * <p>Table and column names are plain SQL identifiers ({@code [A-Za-z_][A-Za-z0-9_]*}, the table
 * optionally with a schema), so the query built from them says nothing but what the file means;
 * {@code where} is taken as written, and runs on a read-only connection.
 *
 * @param table the table or view, e.g. {@code VEH_REG} or {@code DMV.VEH_REG}
 * @param subjectType a fixed identifier type for every row, or {@code null}
 * @param subjectTypeColumn the column holding the identifier type, or {@code null}
 * @param subjectNumberColumn the column holding the identifier
 * @param recordKeyColumn the column holding the record's key (an integer, or a string in a
 *     character column), or {@code null}
 * @param recordVersionColumn the column holding the row's version, or {@code null}
 * @param rowKeyColumn the column holding the row's own key in the table (a surrogate key, never an
 *     identifier), by which a live dataset reads the row again; or {@code null}
 * @param fields catalogue field name to column
 * @param where an SQL condition, or {@code null}
 */
public record JdbcMapping(String table, String subjectType, String subjectTypeColumn, String subjectNumberColumn,
        String recordKeyColumn, String recordVersionColumn, String rowKeyColumn, Map<String, String> fields,
        String where) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

    /** Checks every name, so that the query can be built from them. */
    public JdbcMapping {
        require(table != null && TABLE.matcher(table).matches(), "table must be a table name, e.g. VEH_REG");
        require(subjectType == null ^ subjectTypeColumn == null,
                "give either subjectType (a fixed type) or subjectTypeColumn");
        require(subjectType == null || TYPE.matcher(subjectType).matches(),
                "subjectType must look like RESIDENT_ID or USCC");
        column(subjectTypeColumn, "subjectTypeColumn", true);
        column(subjectNumberColumn, "subjectNumberColumn", false);
        column(recordKeyColumn, "recordKeyColumn", true);
        column(recordVersionColumn, "recordVersionColumn", true);
        column(rowKeyColumn, "rowKeyColumn", true);
        require(fields != null && !fields.isEmpty(), "fields must map at least one field to a column");
        fields.forEach((field, column) -> {
            require(IDENTIFIER.matcher(field).matches(), "field name '" + field + "' is not an identifier");
            column(column, "the column of field '" + field + "'", false);
        });
        fields = Map.copyOf(fields);
    }

    /**
     * The query for {@link JdbcSource}.
     *
     * @return {@code SELECT ... AS subject_type, ... FROM table [WHERE ...]}
     */
    public String toSql() {
        StringJoiner select = new StringJoiner(", ", "SELECT ", "");
        select.add((subjectType != null ? "'" + subjectType + "'" : subjectTypeColumn) + " AS subject_type");
        select.add(subjectNumberColumn + " AS subject_number");
        if (recordKeyColumn != null) {
            select.add(recordKeyColumn + " AS record_key");
        }
        if (recordVersionColumn != null) {
            select.add(recordVersionColumn + " AS record_version");
        }
        if (rowKeyColumn != null) {
            select.add(rowKeyColumn + " AS row_key");
        }
        new TreeMap<>(fields).forEach((field, column) -> select.add(column + " AS " + field));
        String sql = select + " FROM " + table;
        return where == null || where.isBlank() ? sql : sql + " WHERE " + where;
    }

    private static void column(String name, String what, boolean optional) {
        if (name == null) {
            require(optional, what + " is required");
            return;
        }
        require(IDENTIFIER.matcher(name).matches(), what + " must be a column name, e.g. OWNER_ID_NO");
    }

    private static void require(boolean rule, String message) {
        if (!rule) {
            throw new IllegalArgumentException("mapping: " + message);
        }
    }

    /** Keeps the mapping's names comparable in tests and messages. */
    @Override
    public String toString() {
        return "JdbcMapping[" + table + " -> " + new TreeMap<>(Objects.requireNonNull(fields)).keySet() + "]";
    }
}
