package org.qcchain.node.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Reads rows of a live dataset again from the source unit's database, one by its row key, when a
 * data request is answered. Connections are read-only and kept for the next read (a few at most:
 * one per concurrent reader), each with the lookup prepared once.
 *
 * <p>A kept connection that fails is replaced once by a new one (the database may have restarted);
 * a lookup may take at most {@value #QUERY_TIMEOUT_SECONDS} s. A failure of the database is a
 * {@link StoreException} naming the provider and the dataset,
 * never the URL or the driver's message (which reach the caller's problem detail); the node logs
 * the cause.
 */
final class LiveSource implements AutoCloseable {

    /** The longest a lookup of one row may take. */
    static final int QUERY_TIMEOUT_SECONDS = 10;

    private final String mspId;
    private final String datasetId;
    private final LiveSourceDefinition definition;
    private final LiveAccess.Login login;
    private final Path dataDir;
    private final ConcurrentLinkedQueue<Lookup> idle = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    /**
     * @param dataDir the node's data folder, for a URL that names it ({@link DataFolderUrl}); may
     *     be null when it does not
     */
    LiveSource(String mspId, String datasetId, LiveSourceDefinition definition, LiveAccess.Login login,
            Path dataDir) {
        this.mspId = mspId;
        this.datasetId = datasetId;
        this.definition = definition;
        this.login = login;
        this.dataDir = dataDir;
    }

    /** @return where and how the rows are read */
    LiveSourceDefinition definition() {
        return definition;
    }

    /**
     * The row with this key, as the import read it.
     *
     * @param rowKey the source's key of the row
     * @return the row; empty if the source no longer has it
     * @throws IllegalArgumentException if the row no longer reads as a record (its identifier gone,
     *     a value no field can hold, two rows of that key)
     * @throws StoreException if the database cannot be read
     */
    Optional<SourceRow> read(String rowKey) {
        Lookup pooled = idle.poll();
        if (pooled != null) {
            try {
                return readWith(pooled, rowKey);
            } catch (SQLException e) {
                // a kept connection the database dropped (a restart, an idle timeout): once more on a new one
                pooled.close();
            }
        }
        Lookup fresh = null;
        try {
            fresh = open();
            return readWith(fresh, rowKey);
        } catch (SQLException e) {
            if (fresh != null) {
                fresh.close();
            }
            throw new StoreException("record store of " + mspId + ": cannot read " + datasetId
                    + " from the provider's own database", e);
        }
    }

    /** Reads with a lookup and keeps it for the next read, unless the database failed. */
    private Optional<SourceRow> readWith(Lookup lookup, String rowKey) throws SQLException {
        Optional<SourceRow> row;
        try {
            row = lookup.read(rowKey);
        } catch (IllegalArgumentException e) {
            idle.add(lookup); // the row, not the connection, is at fault
            throw e;
        }
        idle.add(lookup);
        if (closed) {
            closeIdle(); // closed meanwhile: this lookup was not among those closed
        }
        return row;
    }

    private Lookup open() throws SQLException {
        String url;
        try {
            url = DataFolderUrl.resolve(definition.url(), dataDir);
        } catch (IllegalArgumentException e) {
            throw new SQLException(e.getMessage(), e);
        }
        Connection connection = login.user() == null ? DriverManager.getConnection(url)
                : DriverManager.getConnection(url, login.user(), login.password());
        try {
            connection.setReadOnly(true);
            PreparedStatement lookup = connection.prepareStatement(definition.lookupSql());
            // a hung source must not hold a worker (and its store reader) for long: the grant then ends in 503
            lookup.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            return new Lookup(connection, lookup);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public void close() {
        closed = true;
        closeIdle();
    }

    private void closeIdle() {
        for (Lookup lookup = idle.poll(); lookup != null; lookup = idle.poll()) {
            lookup.close();
        }
    }

    /** A connection and its prepared lookup; used by one thread at a time. */
    private final class Lookup {
        private final Connection connection;
        private final PreparedStatement statement;
        private JdbcColumns columns;

        Lookup(Connection connection, PreparedStatement statement) {
            this.connection = connection;
            this.statement = statement;
        }

        Optional<SourceRow> read(String rowKey) throws SQLException {
            if (definition.rowKeyText()) {
                statement.setString(1, rowKey);
            } else {
                statement.setLong(1, Long.parseLong(rowKey));
            }
            try (ResultSet rows = statement.executeQuery()) {
                if (columns == null) {
                    columns = JdbcColumns.resolve(rows.getMetaData(), datasetId, definition.fields());
                }
                if (!rows.next()) {
                    return Optional.empty();
                }
                SourceRow row = JdbcSource.row(rows, columns, 1);
                if (rows.next()) {
                    throw new IllegalArgumentException("two rows have the row key of this record");
                }
                return Optional.of(row);
            }
        }

        void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                // a read-only connection holds nothing to lose
            }
        }
    }
}
