package org.qcchain.node.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A {@link SourceAdapter} over a source unit's own database, through JDBC: the unit's system is
 * plugged in as it is, without an export by hand. One {@code SELECT} yields a row per record; its
 * columns are named (in any case, with or without underscores):
 *
 * <ul>
 *   <li>{@code subject_type}, {@code subject_number}: the subject's identifier (required);
 *   <li>{@code record_key}: the source's key of the record among the subject's (optional, default
 *       0; the record id is derived from it, so it must stay the same across versions): an integer,
 *       or from a character column a string such as a plate or case number (spaces at either end
 *       ignored; a plain integer such as {@code "42"} keys as the number 42 does; see {@link
 *       SourceRow} for what a text key may hold);
 *   <li>{@code record_version}: the source's version of the row, from 1 (optional; with it, a
 *       re-import skips rows already stored in that version);
 *   <li>every field of the dataset's catalogue entry, and nothing else.
 * </ul>
 *
 * <pre>{@code
 * String sql = "SELECT 'RESIDENT_ID' AS subject_type, owner_id_no AS subject_number, reg_seq AS record_key,"
 *         + " plate_no AS plate, brand_name AS brand, ... FROM veh_reg";
 * try (JdbcSource source = JdbcSource.open(new JdbcSettings(url, user, password, sql, 1000),
 *         "vehicle.registration", dataset.fieldNames())) {
 *     importer.importAll(source, progress);
 * }
 * }</pre>
 *
 * <p>The connection is read-only and the rows stream with the fetch size, so millions of them need
 * no memory (with PostgreSQL this needs the transaction this class opens; with MySQL add {@code
 * useCursorFetch=true} to the URL). Values are converted as {@link SqlValues} says. Errors name the
 * row's position and the column, never a value (nor a key); the password is never shown.
 */
public final class JdbcSource implements SourceAdapter, AutoCloseable {

    private final String datasetId;
    private final Connection connection;
    private final PreparedStatement statement;
    private final Collection<String> catalogueFields;
    private final JdbcSettings settings;
    private JdbcColumns columns;
    private long rowsReturned;

    private JdbcSource(String datasetId, Connection connection, PreparedStatement statement,
            Collection<String> catalogueFields, JdbcSettings settings) {
        this.settings = settings;
        this.datasetId = datasetId;
        this.connection = connection;
        this.statement = statement;
        this.catalogueFields = List.copyOf(catalogueFields);
    }

    /**
     * Connects, read-only, and prepares the query; nothing is read yet.
     *
     * @param settings where and what
     * @param datasetId the dataset the rows belong to
     * @param catalogueFields the dataset's fields, as registered in the catalogue
     * @return the source; close it
     * @throws SourceReadException if the database cannot be reached or rejects the query
     */
    public static JdbcSource open(JdbcSettings settings, String datasetId, Collection<String> catalogueFields) {
        Objects.requireNonNull(settings, "settings");
        Connection connection;
        try {
            connection = DriverManager.getConnection(settings.connectionUrl(), settings.user(), settings.password());
        } catch (SQLException e) {
            throw new SourceReadException("cannot connect to " + settings.url() + " as " + settings.user() + ": "
                    + e.getMessage(), e);
        }
        try {
            connection.setReadOnly(true);
            // a cursor (fetch size honoured) needs a transaction on some databases
            connection.setAutoCommit(false);
            PreparedStatement statement = connection.prepareStatement(settings.query(), ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(settings.fetchSize());
            return new JdbcSource(datasetId, connection, statement, catalogueFields, settings);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new SourceReadException("the source database refuses the query: " + e.getMessage(), e);
        }
    }

    @Override
    public String datasetId() {
        return datasetId;
    }

    @Override
    public String placeOfLastRow(long index) {
        return "row " + rowsReturned + " of the query";
    }

    /**
     * Runs the query and reads its rows as they are fetched.
     *
     * @throws IllegalArgumentException if the columns do not match the catalogue ("row 1: ..."),
     *     or a row has no identifier or a value no field can hold ("row N: ...")
     * @throws SourceReadException if the database fails
     */
    /** @return whether the query has a record_version column; known once {@link #rows()} ran it */
    @Override
    public boolean numbersVersions() {
        return columns != null && columns.recordVersion > 0;
    }

    @Override
    public Iterator<SourceRow> rows() {
        ResultSet rows;
        JdbcColumns columns;
        try {
            rows = statement.executeQuery();
            columns = JdbcColumns.resolve(rows.getMetaData(), datasetId, catalogueFields);
            this.columns = columns;
        } catch (SQLException e) {
            throw new SourceReadException("the source database failed to run the query: " + e.getMessage(), e);
        }
        return new Iterator<>() {
            private Boolean ready;

            @Override
            public boolean hasNext() {
                if (ready == null) {
                    try {
                        ready = rows.next();
                    } catch (SQLException e) {
                        throw new SourceReadException("the source database failed after row " + rowsReturned + ": "
                                + e.getMessage(), e);
                    }
                }
                return ready;
            }

            @Override
            public SourceRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ready = null;
                long number = rowsReturned + 1;
                try {
                    SourceRow row = row(rows, columns, number);
                    rowsReturned = number;
                    return row;
                } catch (SQLException e) {
                    throw new SourceReadException("the source database failed on row " + number + ": "
                            + e.getMessage(), e);
                }
            }
        };
    }

    /**
     * Where a live dataset read from this source keeps its values: the URL and query (no
     * credentials), the catalogue fields, and how the row key compares.
     *
     * @return the definition
     * @throws IllegalStateException before {@link #rows()} ran the query
     * @throws IllegalArgumentException if the query selects no {@code row_key}
     */
    public LiveSourceDefinition liveDefinition() {
        if (columns == null) {
            throw new IllegalStateException("the query has not run yet");
        }
        if (columns.rowKey == 0) {
            throw new IllegalArgumentException("a live import needs each row's key: select a row_key column"
                    + " (rowKeyColumn in a mapping)");
        }
        return new LiveSourceDefinition(settings.url(), settings.query(), List.copyOf(catalogueFields),
                columns.rowKeyText);
    }

    /**
     * Whether a row is found again by its key, as a live dataset's answer will look it up.
     *
     * @param rowKey the row's key
     * @return whether the lookup finds it
     * @throws StoreException if the database refuses the lookup
     * @throws IllegalArgumentException if the row no longer reads as a record
     */
    public boolean readAgain(String rowKey) {
        try (LiveSource lookup = new LiveSource("the import", datasetId, liveDefinition(),
                new LiveAccess.Login(settings.user(), settings.password()), settings.dataDir())) {
            return lookup.read(rowKey).isPresent();
        }
    }

    /** The row's key in its table, as text; null when the query selects none. */
    private static String rowKey(ResultSet rows, JdbcColumns columns) throws SQLException {
        if (columns.rowKey == 0) {
            return null;
        }
        Object key = columns.rowKeyText ? rows.getString(columns.rowKey)
                : SqlValues.longValue(rows, columns.rowKey, "row_key");
        if (key == null) {
            throw new IllegalArgumentException("row_key must not be NULL");
        }
        return key.toString(); // as the database compares it: the lookup binds it unchanged
    }

    /** One row of a result set as a source row; the place names it in errors. */
    static SourceRow row(ResultSet rows, JdbcColumns columns, long number) throws SQLException {
        String place = "row " + number + " of the query";
        String subjectType = rows.getString(columns.subjectType);
        String subjectNumber = rows.getString(columns.subjectNumber);
        if (subjectType == null || subjectNumber == null) {
            throw new IllegalArgumentException(place + ": subject_type and subject_number must not be NULL");
        }
        try {
            Long version = columns.recordVersion == 0 ? null
                    : SqlValues.longValue(rows, columns.recordVersion, "record_version");
            if (version != null && version < 1) {
                throw new IllegalArgumentException("record_version must be at least 1");
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            for (JdbcColumns.FieldColumn column : columns.fields) {
                fields.put(column.field(), SqlValues.read(rows, column));
            }
            String rowKey = rowKey(rows, columns);
            if (columns.recordKeyText) {
                // SQL NULL: no key, as in an integer column; SourceRow reads "42" as the integer 42
                return new SourceRow(subjectType.strip(), subjectNumber, 0, rows.getString(columns.recordKey), version,
                        fields, rowKey);
            }
            Long key = columns.recordKey == 0 ? null : SqlValues.longValue(rows, columns.recordKey, "record_key");
            return new SourceRow(subjectType.strip(), subjectNumber, key == null ? 0 : key, null, version, fields,
                    rowKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(place + ": " + e.getMessage(), e);
        }
    }

    /** Ends the read-only transaction and closes the connection. */
    @Override
    public void close() {
        try {
            statement.close();
        } catch (SQLException e) {
            // closing the connection below releases it anyway
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // nothing was written; the rollback only ends the read transaction
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // the driver releases the connection's resources in any case
        }
    }
}
