package org.qcchain.ledger.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Every transaction id stored in the {@code transactions} table, as a {@link BloomFilter} in front
 * of the database lookup of the duplicate check: "not here" is exact and the lookup is skipped;
 * "maybe here" (a stored id, or a false positive, about 1 %) still asks the database. It only
 * saves work: the answer of the duplicate check is the database's.
 *
 * <p>Filled from the table when the ledger opens; afterwards the committer thread, the only writer,
 * adds a block's ids right after its database commit and before it completes any submitter or
 * releases an id from the in-flight set. A worker that claims an id in the in-flight set after
 * the committer released it therefore finds it here.
 */
final class CommittedIds {

    private final BloomFilter filter = new BloomFilter();

    private CommittedIds() {}

    /** An empty filter (a new ledger). */
    static CommittedIds empty() {
        return new CommittedIds();
    }

    /** A filter holding every id in the {@code transactions} table. */
    static CommittedIds load(Connection connection) throws SQLException {
        CommittedIds ids = new CommittedIds();
        try (PreparedStatement select = connection.prepareStatement("SELECT tx_id FROM transactions");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                ids.add(row.getString(1));
            }
        }
        return ids;
    }

    /** False only if {@code txId} was never added: then it is not in the table. */
    boolean mightContain(String txId) {
        return filter.mightContain(txId);
    }

    /** Adds an id just stored; committer thread (or opening) only. */
    void add(String txId) {
        filter.add(txId);
    }
}
