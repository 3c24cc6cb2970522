package org.qcchain.node.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A provider store's H2 database in file mode ({@code <folder>/records.mv.db}), its tables made on
 * opening: runs each unit of work in a transaction of its own, on a pooled connection, and turns
 * database failures into {@link StoreException}s that name the provider and the work.
 */
final class StoreDatabase implements AutoCloseable {

    private final String mspId;
    private final JdbcConnectionPool pool;

    private StoreDatabase(String mspId, JdbcConnectionPool pool) {
        this.mspId = mspId;
        this.pool = pool;
    }

    static StoreDatabase open(String mspId, Path folder) {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:"
                + folder.resolve("records").toAbsolutePath(), "qcchain", "");
        try (Connection connection = pool.getConnection()) {
            StoreSchema.create(connection);
        } catch (SQLException e) {
            pool.dispose();
            throw new StoreException("cannot open the record store of " + mspId, e);
        }
        return new StoreDatabase(mspId, pool);
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

    @Override
    public void close() {
        pool.dispose();
    }

    /** A unit of database work in one transaction. */
    @FunctionalInterface
    interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }
}
