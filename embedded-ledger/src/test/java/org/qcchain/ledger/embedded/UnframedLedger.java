package org.qcchain.ledger.embedded;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Turns a closed ledger back into storage format 5, as a build of that format wrote it: the block
 * file (format 1) holds the transaction entries alone, back to back, and H2 points at them there;
 * no {@code blockFramesFrom} entry.
 */
final class UnframedLedger {

    private UnframedLedger() {}

    static void unframe(Path folder) throws IOException, SQLException {
        Path framed = folder.resolve(BlockFile.NAME);
        Path bare = folder.resolve(BlockFile.NAME + ".bare");
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:file:" + folder.resolve("ledger").toAbsolutePath(), "ledger", "");
                BlockFile file = BlockFile.open(folder, BlockFile.START);
                OutputStream out = Files.newOutputStream(bare);
                PreparedStatement entry = connection.prepareStatement(
                        "UPDATE transactions SET file_offset = ? WHERE block_no = ? AND tx_no = ?");
                PreparedStatement block = connection.prepareStatement(
                        "UPDATE blocks SET file_end = ? WHERE block_no = ?")) {
            out.write("QCBLOCKS".getBytes(US_ASCII));
            out.write(ByteBuffer.allocate(4).putInt(BlockFile.UNFRAMED_VERSION).array());
            long position = BlockFile.START;
            long written = BlockFile.START;
            Optional<BlockFile.StoredFrame> next;
            while ((next = file.frameAt(position)).isPresent()) {
                BlockFile.StoredFrame frame = next.get();
                for (int i = 0; i < frame.entries().size(); i++) {
                    byte[] bytes = frame.entries().get(i).encode();
                    entry.setLong(1, written);
                    entry.setLong(2, frame.frame().number());
                    entry.setInt(3, i);
                    entry.executeUpdate();
                    out.write(bytes);
                    written += bytes.length;
                }
                block.setLong(1, written);
                block.setLong(2, frame.frame().number());
                block.executeUpdate();
                position = frame.end();
            }
            try (var statement = connection.createStatement()) {
                statement.execute("DELETE FROM ledger_meta WHERE name = '" + StorageUpgrade.FRAMES_FROM + "'");
                statement.execute("UPDATE ledger_meta SET meta_value = '5' WHERE name = 'storageFormat'");
            }
        }
        Files.move(bare, framed, StandardCopyOption.REPLACE_EXISTING);
    }
}
