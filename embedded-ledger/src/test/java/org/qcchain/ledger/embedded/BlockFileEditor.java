package org.qcchain.ledger.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.UnaryOperator;

/** Edits one transaction's entry in a closed ledger's block file, as someone with disk access could. */
final class BlockFileEditor {

    private final Path file;
    private final long offset;
    private final int length;

    private BlockFileEditor(Path file, long offset, int length) {
        this.file = file;
        this.offset = offset;
        this.length = length;
    }

    /** The entry of transaction {@code txNumber} of block {@code block}, located through H2. */
    static BlockFileEditor at(Path folder, long block, int txNumber) throws SQLException {
        String url = "jdbc:h2:file:" + folder.resolve("ledger").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url, "ledger", "");
                PreparedStatement select = connection.prepareStatement(
                        "SELECT file_offset, file_length FROM transactions WHERE block_no = ? AND tx_no = ?")) {
            select.setLong(1, block);
            select.setInt(2, txNumber);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalArgumentException("no transaction " + txNumber + " in block " + block);
                }
                return new BlockFileEditor(folder.resolve(BlockFile.NAME), row.getLong(1), row.getInt(2));
            }
        }
    }

    /** Where the entry starts in the file. */
    long offset() {
        return offset;
    }

    /** Where the entry ends. */
    long end() {
        return offset + length;
    }

    /** Replaces the entry by an edited one of the same length, with a correct checksum; returns it. */
    TransactionData rewrite(UnaryOperator<TransactionData> edit) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer entry = ByteBuffer.allocate(length);
            channel.read(entry, offset);
            TransactionData edited = edit.apply(TransactionData.decode(entry.array()));
            byte[] bytes = edited.encode();
            if (bytes.length != length) {
                throw new IllegalArgumentException("the edit changed the entry's length");
            }
            channel.write(ByteBuffer.wrap(bytes), offset);
            return edited;
        }
    }

    /** Flips one bit of the byte at {@code position} within the entry, checksum left as it was. */
    void flipByte(int position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, offset + position);
            one.put(0, (byte) (one.get(0) ^ 1)).rewind();
            channel.write(one, offset + position);
        }
    }
}
