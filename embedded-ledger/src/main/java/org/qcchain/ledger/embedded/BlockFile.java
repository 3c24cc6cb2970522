package org.qcchain.ledger.embedded;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * The append-only file {@code blocks.dat} that holds the bulky part of every stored transaction
 * ({@link TransactionData} entries, in block order), so that H2 keeps only small rows: block
 * headers, the transaction index (id, hash, code, where the entry is), state and key history.
 *
 * <p>The committer appends a block's entries and forces the file <em>before</em> it commits the
 * block to H2, so every entry H2 points to is on disk. A crash can therefore leave only entries
 * H2 does not know (a torn or uncommitted tail): opening cuts the file back to the end H2
 * recorded for its last block. A file shorter than that has lost committed data and is refused.
 *
 * <p>Layout: the 12-byte header {@code "QCBLOCKS"} and format version 1 (big-endian int), then the
 * entries back to back. Reads are positional and may run on any thread; appends come from the
 * committer thread only.
 */
final class BlockFile implements AutoCloseable {

    /** The file name in the ledger folder. */
    static final String NAME = "blocks.dat";
    /** Where the first entry starts. */
    static final long START = 12;

    private static final byte[] MAGIC = "QCBLOCKS".getBytes(US_ASCII);
    private static final int VERSION = 1;

    private final Path path;
    private final FileChannel channel;
    private volatile long end;

    private BlockFile(Path path, FileChannel channel, long end) {
        this.path = path;
        this.channel = channel;
        this.end = end;
    }

    /**
     * Opens the block file of a ledger whose last block ends at {@code committedEnd}, creating it
     * for a new ledger and cutting off any tail beyond that end.
     *
     * @throws LedgerException if the file is missing or shorter than H2 says, or not a block file
     */
    static BlockFile open(Path folder, long committedEnd) {
        Path path = folder.resolve(NAME);
        try {
            if (!Files.exists(path)) {
                if (committedEnd > START) {
                    throw new LedgerException("the ledger's " + NAME + " is missing but its database refers to "
                            + committedEnd + " bytes of it");
                }
                return create(path);
            }
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                checkHeader(path, channel);
                long size = channel.size();
                long end = Math.max(committedEnd, START);
                if (size < end) {
                    throw new LedgerException("the ledger's " + NAME + " has " + size + " bytes but its database"
                            + " refers to " + end + ": committed transactions are missing");
                }
                if (size > end) {
                    // entries of a block that never reached H2 (torn, or cut off by a crash before its commit)
                    channel.truncate(end);
                    channel.force(true);
                }
                return new BlockFile(path, channel, end);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new LedgerException("cannot open " + path + ": " + e.getMessage(), e);
        }
    }

    private static BlockFile create(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        ByteBuffer header = ByteBuffer.allocate((int) START).put(MAGIC).putInt(VERSION).flip();
        while (header.hasRemaining()) {
            channel.write(header);
        }
        channel.force(true);
        return new BlockFile(path, channel, START);
    }

    private static void checkHeader(Path path, FileChannel channel) throws IOException {
        ByteBuffer header = ByteBuffer.allocate((int) START);
        readFully(channel, header, 0);
        header.flip();
        byte[] magic = new byte[MAGIC.length];
        header.get(magic);
        if (header.remaining() != 4 || !Arrays.equals(magic, MAGIC)) {
            throw new LedgerException(path + " is not a ledger block file");
        }
        int version = header.getInt();
        if (version != VERSION) {
            throw new LedgerException(path + " has block file format " + version + "; this code reads " + VERSION);
        }
    }

    /** Where the next entry goes: the end of the last block appended. */
    long end() {
        return end;
    }

    /**
     * Appends a block's entries in one write; returns the offset of each. Not yet forced: call
     * {@link #force()} before the block is committed to H2.
     */
    long[] append(List<byte[]> entries) {
        long[] offsets = new long[entries.size()];
        long position = end;
        int total = 0;
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = position + total;
            total += entries.get(i).length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(total);
        entries.forEach(buffer::put);
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer, position + buffer.position());
            }
        } catch (IOException e) {
            throw new LedgerException("cannot append to " + path + ": " + e.getMessage(), e);
        }
        end = position + total;
        return offsets;
    }

    /** Forces what was appended to the disk. */
    void force() {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new LedgerException("the disk did not confirm " + path + ": " + e.getMessage(), e);
        }
    }

    /** Drops what was appended after {@code committedEnd} (a block whose H2 commit failed). */
    void truncate(long committedEnd) {
        try {
            channel.truncate(committedEnd);
            end = committedEnd;
        } catch (IOException e) {
            throw new LedgerException("cannot cut " + path + " back to " + committedEnd + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the entry at {@code offset}, which H2 says is {@code length} bytes long.
     *
     * @throws IllegalArgumentException if the bytes there are not a whole, intact entry of that length
     */
    TransactionData read(long offset, int length) {
        if (offset < START || length < TransactionData.FRAME_HEADER || offset + length > end) {
            throw new IllegalArgumentException("no entry of " + length + " bytes at " + offset + " in " + NAME
                    + " (" + end + " bytes)");
        }
        ByteBuffer entry = ByteBuffer.allocate(length);
        try {
            readFully(channel, entry, offset);
        } catch (IOException e) {
            throw new LedgerException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return TransactionData.decode(entry.array());
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position + buffer.position());
            if (read < 0) {
                throw new IOException("unexpected end of file at " + (position + buffer.position()));
            }
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // every block was forced before it was acknowledged; nothing is lost
        }
    }
}
