package org.qcchain.node.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A provider store's H2 database in file mode ({@code <folder>/records.mv.db}), its tables made on
 * opening: runs each unit of work in a transaction of its own, on a pooled connection, and turns
 * database failures into {@link StoreException}s that name the provider and the work.
 */
final class StoreDatabase implements AutoCloseable {

    static {
        H2Defaults.apply();
    }

    private final String mspId;
    private final String url;
    private final JdbcConnectionPool pool;
    private final ConcurrentLinkedQueue<ReadConnection> readers = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    private StoreDatabase(String mspId, String url, JdbcConnectionPool pool) {
        this.mspId = mspId;
        this.url = url;
        this.pool = pool;
    }

    static StoreDatabase open(String mspId, Path folder) {
        String url = "jdbc:h2:file:" + folder.resolve("records").toAbsolutePath();
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "qcchain", "");
        try (Connection connection = pool.getConnection()) {
            StoreSchema.create(connection);
        } catch (SQLException e) {
            pool.dispose();
            throw new StoreException("cannot open the record store of " + mspId, e);
        }
        return new StoreDatabase(mspId, url, pool);
    }

    /**
     * Runs one query on a read connection of its own, whose prepared statements are kept: the
     * reads of every data request (a subject's latest records) then skip H2's parsing and
     * planning, which cost more than the query itself. A single statement in auto-commit mode
     * reads one consistent snapshot.
     *
     * @param what what the work reads, for the exception's message; never a data value
     */
    <T> T read(String what, ReadWork<T> work) {
        ReadConnection reader = readers.poll();
        try {
            if (reader == null) {
                reader = new ReadConnection(DriverManager.getConnection(url, "qcchain", ""));
            }
            T result;
            try {
                result = work.apply(reader);
            } catch (RuntimeException e) {
                // the work failed outside the store (a live dataset's source): the reader is sound
                readers.add(reader);
                throw e;
            }
            readers.add(reader);
            if (closed) {
                closeReaders(); // closed meanwhile: this reader was not among those closed
            }
            return result;
        } catch (SQLException e) {
            if (reader != null) {
                reader.close(); // its statements may be unusable now
            }
            throw new StoreException("record store of " + mspId + ": cannot " + what, e);
        }
    }

    /**
     * Runs work in one transaction: committed when it returns, rolled back when it throws.
     *
     * @param what what the work does, for the exception's message; never a data value
     */
    <T> T run(String what, SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("record store of " + mspId + ": cannot " + what, e);
        }
    }

    /**
     * Writes everything committed to the file and forces it to the device. H2 otherwise writes
     * commits in the background, about a second later: a batch must be on disk before its anchor
     * goes to the ledger, or a crash could leave the ledger anchoring a batch the store lost.
     *
     * @param what what is made durable, for the exception's message
     */
    void sync(String what) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw new StoreException("record store of " + mspId + ": cannot write " + what + " to disk", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        closeReaders();
        pool.dispose();
    }

    private void closeReaders() {
        for (ReadConnection reader = readers.poll(); reader != null; reader = readers.poll()) {
            reader.close();
        }
    }

    /** A read connection and the statements prepared on it. Used by one thread at a time. */
    static final class ReadConnection {
        private final Connection connection;
        private final Map<String, PreparedStatement> statements = new HashMap<>();

        ReadConnection(Connection connection) {
            this.connection = connection;
        }

        /** The statement for {@code sql}, prepared once; do not close it. */
        PreparedStatement statement(String sql) throws SQLException {
            PreparedStatement statement = statements.get(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
                statements.put(sql, statement);
            }
            return statement;
        }

        void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                // a read connection holds nothing to lose
            }
        }
    }

    /** A read of one query. */
    @FunctionalInterface
    interface ReadWork<T> {
        T apply(ReadConnection reader) throws SQLException;
    }

    /** A unit of database work in one transaction. */
    @FunctionalInterface
    interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }
}
