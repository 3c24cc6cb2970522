package org.qcchain.ledger.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.simulator.VersionedKeyValue;

/**
 * Keys sort as Fabric sorts them, by code point (UTF-8 bytes), not by Java's UTF-16 order: a
 * supplementary-plane character comes after U+FFFF.
 */
class StateKeyOrderTest {

    private static final String BMP_HIGH = "k\uE000";
    private static final String BMP_TOP = "k\uFFFF";
    private static final String EMOJI = "k\uD83D\uDE00"; // U+1F600

    @TempDir
    Path folder;

    @Test
    void ranges_return_keys_in_code_point_order_with_supplementary_characters_last() throws Exception {
        try (Database database = Database.open(folder, 1)) {
            Connection connection = database.writer();
            Schema.create(connection);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO state (state_key, state_value, block_no, tx_no, tx_id, tx_seconds, tx_nanos,"
                            + " is_delete) VALUES (?, X'01', 1, 0, 'tx', 0, 0, FALSE)")) {
                for (String key : List.of(EMOJI, BMP_TOP, BMP_HIGH, "k")) {
                    insert.setBytes(1, key.getBytes(UTF_8));
                    insert.executeUpdate();
                }
            }
            connection.commit();
            assertThat(EMOJI.compareTo(BMP_HIGH)).as("Java's own order differs").isNegative();

            List<String> all = database.read(c -> new H2StateStore(c).range("", "", 0)).stream()
                    .map(VersionedKeyValue::key).toList();
            List<String> upToEmoji = database.read(c -> new H2StateStore(c).range(BMP_HIGH, EMOJI, 0)).stream()
                    .map(VersionedKeyValue::key).toList();
            List<String> partialKey = database.read(c -> new H2StateStore(c).range("k", "k\uDBFF\uDFFF", 0))
                    .stream().map(VersionedKeyValue::key).toList();

            assertThat(all).containsExactly("k", BMP_HIGH, BMP_TOP, EMOJI);
            assertThat(upToEmoji).containsExactly(BMP_HIGH, BMP_TOP);
            assertThat(partialKey).containsExactly("k", BMP_HIGH, BMP_TOP, EMOJI);
        }
    }
}
