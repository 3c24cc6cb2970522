package org.qcchain.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

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
        try (EmbeddedLedger ledger = platform.open(folder)) {
            assertThatThrownBy(() -> ledger.verify(ProgressListener.NONE))
                    .isInstanceOfSatisfying(LedgerTamperedException.class, e -> {
                        assertThat(e.blockNumber()).as(e.getMessage()).isEqualTo(block);
                        assertThat(e.getMessage()).contains(messagePart);
                    });
        }
    }
}
