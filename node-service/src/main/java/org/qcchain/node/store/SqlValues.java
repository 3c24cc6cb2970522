package org.qcchain.node.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;

/**
 * Turns a SQL value into a field value the record commitment accepts (docs/proof-format.md,
 * section 3: strings, integers within ±(2^53−1), booleans, null):
 *
 * <ul>
 *   <li>character types: the string; integer types: the integer;
 *   <li>{@code DECIMAL}/{@code NUMERIC}: the exact decimal as a string, scale kept ({@code "12.50"});
 *       {@code REAL}/{@code DOUBLE}: the shortest decimal string of the binary value;
 *   <li>{@code DATE}, {@code TIME}, {@code TIMESTAMP} (with or without time zone): ISO-8601 strings
 *       ({@code 2019-03-01}, {@code 2019-03-01T08:30:00}, {@code 2019-03-01T08:30:00+08:00});
 *   <li>{@code BOOLEAN}/{@code BIT}: the boolean; SQL {@code NULL}: JSON null, the field present
 *       without a value.
 * </ul>
 *
 * Binary, array and structured types have no field value and are refused when the query is read.
 */
final class SqlValues {

    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private SqlValues() {}

    static boolean supports(int sqlType) {
        return switch (sqlType) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.CLOB, Types.NCLOB, Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT,
                    Types.DECIMAL, Types.NUMERIC, Types.REAL, Types.FLOAT, Types.DOUBLE, Types.BOOLEAN, Types.BIT,
                    Types.DATE, Types.TIME, Types.TIMESTAMP, Types.TIME_WITH_TIMEZONE,
                    Types.TIMESTAMP_WITH_TIMEZONE,
                    // a bare NULL (SELECT NULL AS field, for a field the source does not keep) in H2
                    Types.NULL -> true;
            default -> false;
        };
    }

    /** @return whether the SQL type holds text (a record key of such a column is a text key) */
    static boolean isText(int sqlType) {
        return switch (sqlType) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR -> true;
            default -> false;
        };
    }

    /** @return whether the SQL type holds numbers (a record key of such a column must be an integer) */
    static boolean isNumber(int sqlType) {
        return switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC, Types.REAL,
                    Types.FLOAT, Types.DOUBLE -> true;
            default -> false;
        };
    }

    /**
     * The value of a column of the current row.
     *
     * @throws IllegalArgumentException for a value no field can hold (an integer beyond ±(2^53−1),
     *     a float that is not finite), naming the column but not the value
     */
    static Object read(ResultSet rows, JdbcColumns.FieldColumn column) throws SQLException {
        int i = column.index();
        Object value = switch (column.sqlType()) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> integer(rows, i, column.label());
            case Types.DECIMAL, Types.NUMERIC -> decimal(rows.getBigDecimal(i));
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> floating(rows, i, column.label());
            case Types.BOOLEAN, Types.BIT -> rows.getBoolean(i);
            case Types.DATE -> iso(rows.getObject(i, LocalDate.class), DateTimeFormatter.ISO_LOCAL_DATE);
            case Types.TIME -> iso(rows.getObject(i, LocalTime.class), DateTimeFormatter.ISO_LOCAL_TIME);
            case Types.TIMESTAMP -> iso(rows.getObject(i, LocalDateTime.class), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            case Types.TIME_WITH_TIMEZONE -> iso(rows.getObject(i, OffsetTime.class), DateTimeFormatter.ISO_OFFSET_TIME);
            case Types.TIMESTAMP_WITH_TIMEZONE -> iso(rows.getObject(i, OffsetDateTime.class),
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            default -> rows.getString(i);
        };
        return rows.wasNull() ? null : value;
    }

    /**
     * An integer column (the record key of a numeric column, the version) that may also be stored
     * as a decimal or a string of digits.
     *
     * @return the integer, or {@code null} for SQL NULL
     * @throws IllegalArgumentException if the value is no integer
     */
    static Long longValue(ResultSet rows, int index, String what) throws SQLException {
        String text = rows.getString(index);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.strip()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(what + " must be an integer");
        }
    }

    private static Long integer(ResultSet rows, int index, String label) throws SQLException {
        long value = rows.getLong(index);
        if (value > MAX_SAFE_INTEGER || value < -MAX_SAFE_INTEGER) {
            throw new IllegalArgumentException("column '" + label + "' holds an integer beyond ±(2^53-1); select it"
                    + " as a string or a DECIMAL");
        }
        return value;
    }

    private static String decimal(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String floating(ResultSet rows, int index, String label) throws SQLException {
        double value = rows.getDouble(index);
        if (rows.wasNull()) {
            return null;
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("column '" + label + "' holds a number that is not finite");
        }
        return BigDecimal.valueOf(value).toPlainString();
    }

    private static <T extends java.time.temporal.TemporalAccessor> String iso(T value, DateTimeFormatter format) {
        return value == null ? null : format.format(value);
    }
}
