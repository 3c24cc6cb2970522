package org.qcchain.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

/** Edits a closed ledger's H2 file by hand, as an intruder would, and checks what verify says. */
final class LedgerEdits {

    private LedgerEdits() {}

    /** Runs one statement on the ledger's database; it must change at least one row. */
    static void edit(Path folder, String sql, Object... parameters) throws SQLException {
        String url = "jdbc:h2:file:" + folder.resolve("ledger").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url, "ledger", "");
                PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            assertThat(update.executeUpdate()).as("rows edited").isPositive();
        }
    }

    /** The number the first row of a query gives, on the closed ledger's database. */
    static long queryLong(Path folder, String sql) throws SQLException {
        String url = "jdbc:h2:file:" + folder.resolve("ledger").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url, "ledger", "");
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet row = query.executeQuery()) {
            assertThat(row.next()).as("a row").isTrue();
            return row.getLong(1);
        }
    }

    /** Opens the ledger and expects verify to name {@code block} and say {@code messagePart}. */
    static void assertTamperedAt(TestPlatform platform, Path folder, long block, String messagePart) {
        // the same finding whether the replay is kept on the heap or in a file
        for (LedgerOptions.ReplayPlace place
                : List.of(LedgerOptions.ReplayPlace.HEAP, LedgerOptions.ReplayPlace.FILE)) {
            try (EmbeddedLedger ledger = platform.open(folder, place)) {
                assertThatThrownBy(() -> ledger.verify(ProgressListener.NONE)).as("replay kept: %s", place)
                        .isInstanceOfSatisfying(LedgerTamperedException.class, e -> {
                            assertThat(e.blockNumber()).as(e.getMessage()).isEqualTo(block);
                            assertThat(e.getMessage()).contains(messagePart);
                        });
            }
            assertThat(replayFiles(folder)).as("the replay's file is deleted").isEmpty();
        }
    }

    /** The replay files a verification left in the ledger's folder. */
    static List<Path> replayFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(FileReplayStore.SUFFIX)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
