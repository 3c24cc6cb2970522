package org.qcchain.ledger.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

/**
 * Chooses where a verification keeps its replay ({@link ReplayStore}): as {@link
 * LedgerOptions#verifyReplay()} says, and for {@link LedgerOptions.ReplayPlace#AUTO} on the heap
 * only when the ledger's estimated need is at most half of the heap free now. Half, because the
 * node keeps serving data requests while an auditor's verification runs in the same process, and
 * because the estimate is an average.
 */
final class ReplayChoice {

    private static final Logger LOGGER = Logger.getLogger(ReplayChoice.class.getName());
    /** Heap per state key on the heap replay, measured (docs/performance.md), rounded up. */
    static final long HEAP_BYTES_PER_KEY = 600;
    /** Heap per transaction id (a 64-character string in a hash set), rounded up. */
    static final long HEAP_BYTES_PER_TRANSACTION = 200;

    private final Path folder;
    private final LedgerOptions.ReplayPlace place;

    ReplayChoice(Path folder, LedgerOptions.ReplayPlace place) {
        this.folder = folder;
        this.place = place;
    }

    /** A store for one verification of the ledger the connection reads. */
    ReplayStore open(Connection connection) throws SQLException {
        boolean onHeap = switch (place) {
            case HEAP -> true;
            case FILE -> false;
            case AUTO -> fitsHeap(connection);
        };
        return onHeap ? new HeapReplayStore() : FileReplayStore.create(folder);
    }

    private static boolean fitsHeap(Connection connection) throws SQLException {
        long need = count(connection, "state") * HEAP_BYTES_PER_KEY
                + count(connection, "transactions") * HEAP_BYTES_PER_TRANSACTION;
        Runtime runtime = Runtime.getRuntime();
        long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        boolean fits = need <= free / 2;
        LOGGER.info("verification replay " + (fits ? "on the heap" : "in a file of the ledger's folder") + ": ~"
                + need / (1024 * 1024) + " MB needed on the heap, " + free / (1024 * 1024) + " MB free");
        return fits;
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
