package org.qcchain.ledger.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Chooses where a verification keeps its replay ({@link ReplayStore}): as {@link
 * LedgerOptions#verifyReplay()} says, and for {@link LedgerOptions.ReplayPlace#AUTO} on the heap
 * only when the ledger's estimated need is at most half of the heap free now. Half, because the
 * node keeps serving data requests while an auditor's verification runs in the same process, and
 * because the estimate is an average. A file is used only if the ledger's disk has room for it
 * and {@value #DISK_RESERVE_BYTES} bytes more: the live ledger writes to the same disk, and a full
 * disk would stop it.
 */
final class ReplayChoice {

    private static final Logger LOGGER = Logger.getLogger(ReplayChoice.class.getName());
    /** Heap per state key on the heap replay, measured (docs/performance.md), rounded up. */
    static final long HEAP_BYTES_PER_KEY = 600;
    /** Heap per transaction id (a 64-character string in a hash set), rounded up. */
    static final long HEAP_BYTES_PER_TRANSACTION = 200;
    /** Disk per state key of the file replay at its largest, measured (~1 KB), with a margin. */
    static final long FILE_BYTES_PER_KEY = 1_300;
    /** Disk per transaction id in the file replay, with a margin. */
    static final long FILE_BYTES_PER_TRANSACTION = 200;
    /** What the file must leave free on the disk, for the live ledger to go on committing meanwhile. */
    static final long DISK_RESERVE_BYTES = 1024L * 1024 * 1024;

    private final Path folder;
    private final LedgerOptions.ReplayPlace place;

    ReplayChoice(Path folder, LedgerOptions.ReplayPlace place) {
        this.folder = folder;
        this.place = place;
    }

    /** What a ledger holds that the replay keeps one entry for. */
    record LedgerSize(long stateKeys, long transactions) {
        long heapBytes() {
            return stateKeys * HEAP_BYTES_PER_KEY + transactions * HEAP_BYTES_PER_TRANSACTION;
        }

        long fileBytes() {
            return stateKeys * FILE_BYTES_PER_KEY + transactions * FILE_BYTES_PER_TRANSACTION;
        }
    }

    /**
     * A store for one verification of the ledger the connection reads, after deleting the replay
     * files that killed verifications left.
     *
     * @throws LedgerException if the replay is to go into a file and the ledger's disk lacks room
     */
    ReplayStore open(Connection connection) throws SQLException {
        FileReplayStore.deleteLeftovers(folder);
        LedgerSize size = measure(connection);
        if (place == LedgerOptions.ReplayPlace.HEAP) {
            LOGGER.info("verification replay on the heap, as configured");
            return new HeapReplayStore(size.stateKeys(), size.transactions());
        }
        Runtime runtime = Runtime.getRuntime();
        long heapFree = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        String why = place == LedgerOptions.ReplayPlace.FILE ? "as configured"
                : "~" + mb(size.heapBytes()) + " MB needed on the heap, " + mb(heapFree) + " MB free";
        if (place == LedgerOptions.ReplayPlace.AUTO && onHeap(size, heapFree)) {
            LOGGER.info("verification replay on the heap: " + why);
            return new HeapReplayStore(size.stateKeys(), size.transactions());
        }
        long diskFree = usableSpace(folder);
        if (!fitsDisk(size, diskFree)) {
            throw new LedgerException("a verification of this ledger keeps its replay in a file of up to ~"
                    + mb(size.fileBytes()) + " MB in " + folder + ", whose disk has " + mb(diskFree) + " MB free and"
                    + " must keep " + mb(DISK_RESERVE_BYTES) + " MB for the ledger itself; free space there, or let"
                    + " the replay go on the heap (ledger.verifyReplay auto or heap) with ~" + mb(2 * size.heapBytes())
                    + " MB of the heap free");
        }
        LOGGER.info("verification replay in a file of the ledger's folder (" + why + "): up to ~"
                + mb(size.fileBytes()) + " MB of " + mb(diskFree) + " MB free on the disk");
        return FileReplayStore.create(folder);
    }

    /** The ledger's size as H2 estimates it (exact once nothing is removed or uncommitted). */
    static LedgerSize measure(Connection connection) throws SQLException {
        return new LedgerSize(count(connection, "state"), count(connection, "transactions"));
    }

    /** Whether the file of a ledger of this size leaves the disk its reserve for the live ledger. */
    static boolean fitsDisk(LedgerSize size, long diskFree) {
        return size.fileBytes() + DISK_RESERVE_BYTES <= diskFree;
    }

    /** Whether {@link LedgerOptions.ReplayPlace#AUTO} keeps a ledger of this size on the heap. */
    static boolean onHeap(LedgerSize size, long heapFree) {
        return size.heapBytes() <= heapFree / 2;
    }

    private static long usableSpace(Path folder) {
        try {
            return Files.getFileStore(folder).getUsableSpace();
        } catch (IOException e) {
            throw new LedgerException("cannot tell the free space in " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * H2's estimate of a table's rows: the entries of its map, kept as it writes, so no page is
     * read. An exact {@code COUNT(*)} read every row of the state and transaction tables (~10 % of
     * the replay thread's time), where an estimate serves to choose; at worst it counts rows whose
     * removal is not yet cleaned up, which errs towards the file.
     */
    private static long count(Connection connection, String table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT ROW_COUNT_ESTIMATE FROM"
                + " INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ?")) {
            select.setString(1, table.toUpperCase(java.util.Locale.ROOT));
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("the ledger has no table " + table);
                }
                return rows.getLong(1);
            }
        }
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }
}
