package org.qcchain.ledger.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Rewrites a closed ledger's database file with only its live pages. H2 writes every changed
 * B-tree page afresh when it stores (every 100 ms under load); while the ledger runs, {@link
 * SpaceReclaimer} keeps at least about half of the file's written chunks live, and the file also
 * holds the chunks of its last few seconds of writes and space emptied but not yet reused, and it
 * never shrinks (docs/operations.md, "Disk use"). Compacting reads and rewrites the whole file
 * ({@code SHUTDOWN COMPACT}) with its live pages only; the block file, and so every hash and
 * signature, is untouched, and the ledger verifies as before.
 *
 * <pre>{@code
 * LedgerCompaction.Result result = LedgerCompaction.compact(folder);   // the ledger must be closed
 * }</pre>
 */
public final class LedgerCompaction {

    private LedgerCompaction() {}

    /**
     * The database file's size before and after.
     *
     * @param bytesBefore size of {@code ledger.mv.db} before compacting
     * @param bytesAfter size after
     */
    public record Result(long bytesBefore, long bytesAfter) {}

    /**
     * Compacts the ledger database in {@code folder}.
     *
     * @throws LedgerException if the folder holds no ledger, another process (a running node) has
     *     it open, or H2 fails; the file is then as it was (H2 rewrites into a new file first)
     */
    public static Result compact(Path folder) {
        Path file = Database.file(folder);
        if (!Files.isRegularFile(file)) {
            throw new LedgerException(folder.toAbsolutePath() + " holds no ledger (no " + file.getFileName() + ")");
        }
        long before = size(file);
        // IFEXISTS: never create an empty database by accident; OPEN_NEW: never join a ledger this
        // process has open (H2 shares one database per file in a JVM), so its file lock refuses
        try (Connection connection = Database.connectAsLedger(Database.url(folder) + ";IFEXISTS=TRUE;OPEN_NEW=TRUE");
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            throw new LedgerException("cannot compact the ledger in " + folder + " (a running node holds it"
                    + " open, or the database failed): " + e.getMessage(), e);
        }
        return new Result(before, size(file));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new LedgerException("cannot read the size of " + file + ": " + e.getMessage(), e);
        }
    }
}
