package org.qcchain.node.answer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.qcchain.node.answer.ReceiptJournal.Entry;
import org.qcchain.node.answer.ReceiptJournal.Kind;
import org.qcchain.node.store.H2Defaults;

/**
 * Moves the receipts of an outbox that an earlier node kept in H2 ({@code outbox.mv.db}, table
 * {@code deliveries}) into the journal, once: the journal is written whole (and renamed into
 * place) before the H2 files are deleted, so a crash in between leaves the journal, and the H2
 * files are then only deleted. An H2 outbox that cannot be read stops the node with what to do:
 * H2 databases were seen corrupt after the process was killed, which is why the outbox left H2.
 */
final class H2OutboxImport {

    static {
        H2Defaults.apply();
    }

    private static final String NAME = "outbox";

    private H2OutboxImport() {}

    /** Moves an H2 outbox in {@code folder}, if there is one, into the journal {@code journal}. */
    static void moveInto(Path folder, Path journal) throws IOException {
        Path database = folder.resolve(NAME + ".mv.db");
        if (!Files.exists(database)) {
            return;
        }
        if (!Files.exists(journal)) {
            ReceiptJournal.rewrite(journal, read(folder, database));
        }
        Files.delete(database);
        Files.deleteIfExists(folder.resolve(NAME + ".trace.db"));
    }

    private static List<Entry> read(Path folder, Path database) throws IOException {
        String url = "jdbc:h2:file:" + folder.resolve(NAME).toAbsolutePath() + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
        List<Entry> entries = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "qcchain", "");
                Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery(
                        "SELECT access_id, answer_hash, status, problem FROM deliveries ORDER BY seq")) {
            while (rows.next()) {
                entries.add(new Entry(Kind.KEPT, rows.getString(1), rows.getString(2)));
                if ("FAILED".equals(rows.getString(3))) {
                    entries.add(new Entry(Kind.FAILED, rows.getString(1),
                            rows.getString(4) == null ? "" : rows.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw new IOException("the outbox of an earlier version (" + database + ") cannot be read: "
                    + e.getMessage() + ". The receipts it holds cannot be recorded; move the file away to start"
                    + " the node (their access records stay on the ledger, as granted without a delivery receipt)", e);
        }
        return entries;
    }
}
