package org.qcchain.ledger.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * The ledger's H2 database in file mode: one connection for the committer, and a small pool of
 * read connections, each reading a consistent snapshot for the length of one job.
 *
 * <p>H2 does not store at each commit: the committer has it store between blocks, at most every
 * {@link LedgerOptions#databaseStoreInterval()} ({@link #store}), and H2 serialises the pages on a
 * thread of its own. A crash can lose the last blocks' rows from H2 but never from the ledger,
 * since each block's frame is forced to the {@link BlockFile} before H2 commits it, and opening
 * replays what H2 lacks ({@link BlockReplay}). H2's own timed background store is kept from ever
 * running ({@code WRITE_DELAY} of {@value #NEVER_MILLIS} ms; a positive delay is what keeps H2 from
 * storing at each commit): it takes the tables' pages one after another while a block's
 * transaction may be committing, and a crash test showed a database reopened with half a block
 * (its header row without all of its state rows). Stores the committer starts see a transaction
 * boundary; those H2 makes on the committer's own thread when its unsaved pages grow large (even
 * in the middle of a block's transaction or of its commit) take every table at one point of that
 * one thread's work, which H2's undo log then finishes or rolls back, as it does for any store in
 * its default mode. H2's file lock keeps a second process out. When blocks are forced, what H2
 * stores is forced to disk soon after by {@link DatabaseFlusher}, for the block file's forces to
 * stay short, not for durability.
 *
 * <p>H2's page cache is kept at {@value #CACHE_KB} KB instead of its default 16 MB. The ledger
 * writes far more pages than it reads back (reads of hot keys come from {@link StateCache}, keys
 * never stored are ruled out by {@link StoredKeys}), and H2 caches every page it writes: at
 * thousands of transactions per second a 16 MB cache turned over in a second or two, so the pages
 * in it lived just long enough to survive a young collection of the heap and be copied there,
 * which was most of the length of the node's collector pauses (docs/performance.md).
 */
final class Database implements AutoCloseable {

    static {
        // H2's shared cache of column values hashes and compares every value read or bound, for
        // ledger values (keys, hashes, JSON) that seldom repeat: ~2 % of the committer and the
        // workers. Read once, when H2's first class loads; an operator's own setting stands.
        System.getProperties().putIfAbsent("h2.objectCache", "false");
    }

    /** One job on a read connection; the connection is valid only during the call. */
    @FunctionalInterface
    interface ReadJob<T> {
        T run(Connection connection) throws SQLException;
    }

    /** H2's timed background store: about 24 days, so never; see the class comment. */
    static final int NEVER_MILLIS = Integer.MAX_VALUE;

    /** H2's page cache for the ledger, in KB; see the class comment. */
    static final int CACHE_KB = 4096;

    private final String url;
    private final Connection writer;
    private final BlockingQueue<Connection> readers;
    private final List<Connection> all = new ArrayList<>();

    private Database(String url, int readerCount) throws SQLException {
        this.url = url;
        writer = connect(url);
        readers = new ArrayBlockingQueue<>(readerCount);
        for (int i = 0; i < readerCount; i++) {
            Connection reader = connect(url);
            snapshotPerJob(reader);
            readers.add(reader);
        }
    }

    static Database open(Path folder, int readerCount) {
        String url = url(folder) + ";WRITE_DELAY=" + NEVER_MILLIS;
        try {
            return new Database(url, readerCount);
        } catch (SQLException e) {
            throw new LedgerException("cannot open the ledger database in " + folder + ": "
                    + e.getMessage(), e);
        }
    }

    /** The JDBC URL of the ledger database in {@code folder}, H2's default write delay. */
    static String url(Path folder) {
        return "jdbc:h2:file:" + folder.resolve("ledger").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=" + CACHE_KB;
    }

    /**
     * Has H2 store what it has committed, waiting for H2's store lock and for the pages to be
     * serialised (on a thread of H2's own); call it between transactions of the one connection
     * that writes.
     */
    static void store(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        }
    }

    /**
     * Has H2 store what it has committed unless a store or a compaction step ({@link
     * SpaceReclaimer}) holds H2's store lock; returns at once either way. H2 serialises and writes
     * the pages on a thread of its own while the caller goes on ({@code CHECKPOINT}, {@link #store},
     * waits for them, and for the lock). Call it between transactions of the one connection that
     * writes.
     *
     * @return whether H2 took the store (false: busy, or nothing to store)
     */
    static boolean tryStore(Connection connection) throws SQLException {
        return mvStore(connection).tryCommit() >= 0;
    }

    /**
     * Stores what H2 has committed and forces its file to disk: for the few writes the block file
     * cannot replay (block 0, a storage upgrade).
     */
    static void storeNow(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        }
    }

    /**
     * The H2 store under an embedded connection, for what H2 offers no SQL for: a bounded step of
     * compaction ({@link SpaceReclaimer}), a force of its file from another thread ({@link
     * DatabaseFlusher}). The whole-file {@code SHUTDOWN COMPACT} is SQL ({@link LedgerCompaction}).
     */
    static MVStore mvStore(Connection connection) throws SQLException {
        JdbcConnection jdbc = connection.unwrap(JdbcConnection.class);
        if (!(jdbc.getSession() instanceof SessionLocal session)) {
            throw new SQLException("the ledger database is not embedded in this process");
        }
        return session.getDatabase().getStore().getMvStore();
    }

    /** The database file in {@code folder}. */
    static Path file(Path folder) {
        return folder.resolve("ledger.mv.db");
    }

    /** A connection of the ledger's user to the database at {@code url}, not auto-committing. */
    static Connection connectAsLedger(String url) throws SQLException {
        Connection connection = DriverManager.getConnection(url, "ledger", "");
        connection.setAutoCommit(false);
        return connection;
    }

    private Connection connect(String url) throws SQLException {
        Connection connection = connectAsLedger(url);
        all.add(connection);
        return connection;
    }

    /** The committer's connection; only the committer thread (and opening) may use it. */
    Connection writer() {
        return writer;
    }

    /** Runs a read job on a snapshot; waits for a free connection. */
    <T> T read(ReadJob<T> job) {
        Connection connection;
        try {
            connection = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException("interrupted while waiting for a database connection", e);
        }
        try {
            return job.run(connection);
        } catch (SQLException e) {
            throw new LedgerException("ledger database read failed: " + e.getMessage(), e);
        } finally {
            endSnapshot(connection);
            readers.add(connection);
        }
    }

    /**
     * Runs a read job on a snapshot of a connection opened for it alone and closed after: for a job
     * that runs beside another read job of the same caller (a verification's {@link ChainReader}),
     * which must never wait for the pool that other job holds a connection of, nor leave the
     * pool's other users a connection short for as long as it runs.
     */
    <T> T readOnOwnConnection(ReadJob<T> job) {
        try (Connection connection = connectAsLedger(url)) {
            snapshotPerJob(connection);
            try {
                return job.run(connection);
            } finally {
                endSnapshot(connection);
            }
        } catch (SQLException e) {
            throw new LedgerException("ledger database read failed: " + e.getMessage(), e);
        }
    }

    private static void snapshotPerJob(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // one snapshot per job: a simulation never sees half a block
            statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
        }
    }

    private static void endSnapshot(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // the next job's rollback or the close will report a broken connection
        }
    }

    @Override
    public void close() {
        SQLException failure = null;
        for (Connection connection : all) {
            Statements.forget(connection);
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new LedgerException("closing the ledger database failed: " + failure.getMessage(),
                    failure);
        }
    }
}
