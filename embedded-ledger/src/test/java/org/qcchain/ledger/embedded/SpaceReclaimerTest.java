package org.qcchain.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.common.crypto.CryptoSuite;

/**
 * The reclaimer on a real H2 file opened as the ledger opens it: rows written again and again
 * beside rows added for good, stored after each batch, leave most chunks nearly empty; steps of the
 * reclaimer, each followed by a store, bring the live share back above the target and keep every
 * row as it was, also after the database is closed and opened again; its thread does the same on
 * its own while the writer goes on storing, and a ledger runs it while it is open.
 */
class SpaceReclaimerTest {

    private static final String THREAD_NAME = "qcchain-ledger-reclaimer";
    /** Far longer than the few seconds the thread needs; reached only if it does nothing. */
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    /** Rows written again in every round, as the ledger rewrites its hot state keys. */
    private static final int HOT_ROWS = 2_000;
    /** Rows added in every round and never written again, as the ledger appends history and transactions. */
    private static final int NEW_ROWS_PER_ROUND = 200;
    private static final int ROUNDS = 60;
    private static final int VALUE_BYTES = 200;

    @TempDir
    Path folder;

    @Test
    void moves_live_pages_out_of_sparse_chunks_and_keeps_every_row() throws Exception {
        Map<Integer, byte[]> expected = new HashMap<>();
        try (Database database = Database.open(folder, 1)) {
            Connection writer = database.writer();
            makeSparse(writer, expected);

            int steps = 0;
            while (fillPercent(writer) < SpaceReclaimer.TARGET_FILL_PERCENT && steps < 100) {
                assertThat(step(writer)).as("step %d rewrote pages", steps).isTrue();
                Database.storeNow(writer);
                steps++;
            }

            assertThat(fillPercent(writer)).as("live share after %d steps", steps)
                    .isGreaterThanOrEqualTo(SpaceReclaimer.TARGET_FILL_PERCENT);
            assertThat(step(writer)).as("nothing to do once above the target").isFalse();
            assertRows(writer, expected);
        }
        try (Database reopened = Database.open(folder, 1)) {
            assertRows(reopened.writer(), expected);
        }
    }

    @Test
    void its_thread_reclaims_on_its_own_while_the_writer_stores() throws Exception {
        Map<Integer, byte[]> expected = new HashMap<>();
        try (Database database = Database.open(folder, 1)) {
            Connection writer = database.writer();
            makeSparse(writer, expected);
            try (SpaceReclaimer reclaimer = new SpaceReclaimer(Database.mvStore(writer))) {
                reclaimer.start();
                // the writer stores as the committer does, and the rewritten pages go out with its stores
                long deadline = System.nanoTime() + PATIENCE.toNanos();
                while (fillPercent(writer) < SpaceReclaimer.TARGET_FILL_PERCENT
                        && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                    Database.storeNow(writer);
                }
            }
            assertThat(fillPercent(writer)).as("live share with the thread at work")
                    .isGreaterThanOrEqualTo(SpaceReclaimer.TARGET_FILL_PERCENT);
            assertRows(writer, expected);
        }
        try (Database reopened = Database.open(folder, 1)) {
            assertRows(reopened.writer(), expected);
        }
    }

    @Test
    void runs_while_a_ledger_is_open_and_stops_when_it_closes() {
        LiveThreads.assertOneRunsWhileOpen(new TestPlatform(CryptoSuite.P256_SHA256), folder, THREAD_NAME);
    }

    /**
     * Writes rounds of rows until most chunks are nearly empty: each stored chunk holds its round's
     * new rows, live for good, beside pages dead by the next round.
     */
    private static void makeSparse(Connection writer, Map<Integer, byte[]> expected) throws SQLException {
        // emptied chunks freed at once, so that the live share shows each step (the ledger keeps H2's 45 s)
        execute(writer, "SET RETENTION_TIME 0");
        execute(writer, "CREATE TABLE rows_test (k INT PRIMARY KEY, v VARBINARY(" + VALUE_BYTES + "))");
        for (int round = 0; round < ROUNDS; round++) {
            int first = HOT_ROWS + round * NEW_ROWS_PER_ROUND;
            writeRows(writer, expected, round,
                    IntStream.concat(IntStream.range(first, first + NEW_ROWS_PER_ROUND), IntStream.range(0, HOT_ROWS)));
        }
        assertThat(fillPercent(writer)).as("live share before reclaiming")
                .isLessThan(SpaceReclaimer.TARGET_FILL_PERCENT);
    }


    /** Writes the rows with values new to this round, commits and stores to the end. */
    private static void writeRows(Connection writer, Map<Integer, byte[]> expected, int round, IntStream keys)
            throws SQLException {
        try (PreparedStatement merge = writer.prepareStatement("MERGE INTO rows_test (k, v) KEY (k) VALUES (?, ?)")) {
            for (int key : keys.toArray()) {
                byte[] value = new byte[VALUE_BYTES];
                Arrays.fill(value, (byte) (round * 31 + key));
                value[0] = (byte) key;
                expected.put(key, value);
                merge.setInt(1, key);
                merge.setBytes(2, value);
                merge.addBatch();
            }
            merge.executeBatch();
        }
        writer.commit();
        // stored to the end before a step: a step gives up while a store still holds H2's store lock
        Database.storeNow(writer);
    }

    private static void assertRows(Connection connection, Map<Integer, byte[]> expected) throws SQLException {
        int seen = 0;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT k, v FROM rows_test ORDER BY k")) {
            while (rows.next()) {
                assertThat(rows.getBytes(2)).as("row %d", rows.getInt(1)).isEqualTo(expected.get(rows.getInt(1)));
                seen++;
            }
        }
        assertThat(seen).isEqualTo(expected.size());
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        connection.commit();
    }

    private static boolean step(Connection writer) throws SQLException {
        return SpaceReclaimer.step(Database.mvStore(writer));
    }

    /** The share of the chunks' bytes that is live, in percent. */
    private static int fillPercent(Connection writer) throws SQLException {
        return Database.mvStore(writer).getFileStore().getChunksFillRate();
    }
}
