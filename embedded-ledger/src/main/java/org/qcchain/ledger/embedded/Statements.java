package org.qcchain.ledger.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Prepared statements kept per connection and reused, for the statements of the hot path (state
 * reads, the duplicate lookup, the block writes): preparing one costs H2 a parse or at least a
 * cache lookup and a new command object every time, several times per transaction.
 *
 * <p>A connection is used by one thread at a time (a read job, or the committer), so its
 * statements are too. Callers must not close a statement they got here; they close their result
 * sets. Closing the connection closes its statements; the map holds connections weakly.
 */
final class Statements {

    private static final Map<Connection, Statements> BY_CONNECTION = Collections.synchronizedMap(new WeakHashMap<>());

    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    private Statements(Connection connection) {
        this.connection = connection;
    }

    /** The statement for {@code sql} on {@code connection}, prepared on first use; do not close it. */
    static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        Statements statements = BY_CONNECTION.computeIfAbsent(connection, Statements::new);
        PreparedStatement statement = statements.prepared.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = connection.prepareStatement(sql);
            statements.prepared.put(sql, statement);
        }
        return statement;
    }

    /** Drops the statements of a connection about to be closed. */
    static void forget(Connection connection) {
        BY_CONNECTION.remove(connection);
    }
}
