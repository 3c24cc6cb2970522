package org.qcchain.ledger.embedded;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.qcchain.common.io.DurableFiles;

/**
 * The append-only file {@code blocks.dat}: every block as a {@link BlockFrame}, its signed header
 * and its transactions' entries ({@link TransactionData}), in block order. H2 keeps small rows that
 * point here (block headers, the transaction index, state and key history) and can be rebuilt
 * from it; this file is what makes a block durable.
 *
 * <p>The committer appends a block's frame and forces the file before it commits the block to H2
 * and before anyone hears of the block. H2 writes its pages to disk in the background, so after a
 * crash H2 may lack the last blocks the file holds: opening replays them ({@link BlockReplay}) and
 * cuts off what follows the last whole frame (a frame the crash tore). A file shorter than what H2
 * refers to has lost committed blocks and is refused.
 *
 * <p>Layout: the 12-byte header {@code "QCBLOCKS"} and format version (big-endian int), then the
 * blocks back to back. Version 2 frames every block; version 1 (storage formats 1 to 5) held bare
 * entries, and a ledger upgraded from it keeps them before its first framed block ({@link
 * #upgrade}). Reads are positional and may run on any thread; appends come from the committer
 * thread only.
 */
final class BlockFile implements AutoCloseable {

    private static final Logger LOGGER = Logger.getLogger(BlockFile.class.getName());

    /** The file name in the ledger folder. */
    static final String NAME = "blocks.dat";
    /** Where the first block starts. */
    static final long START = 12;
    /** The format this code writes: every block framed. */
    static final int VERSION = 2;
    /** The format of storage formats up to 5: bare entries, upgraded in place to {@link #VERSION}. */
    static final int UNFRAMED_VERSION = 1;

    private static final byte[] MAGIC = "QCBLOCKS".getBytes(US_ASCII);
    private static final int SCAN_CHUNK = 1 << 20;

    /**
     * A whole frame read back from the file.
     *
     * @param frame its head
     * @param entryOffsets where each entry starts
     * @param entries the entries, decoded and checksum-checked
     * @param end where the frame ends: where the next block starts
     */
    record StoredFrame(BlockFrame frame, long[] entryOffsets, List<TransactionData> entries, long end) {}

    private final Path path;
    private final FileChannel channel;
    private volatile long end;

    private BlockFile(Path path, FileChannel channel, long end) {
        this.path = path;
        this.channel = channel;
        this.end = end;
    }

    /**
     * Opens the block file of a ledger whose last block in H2 ends at {@code committedEnd},
     * creating it for a new ledger. Whatever follows that end is left for {@link #frameAt} to read
     * and {@link #cutTail} to drop.
     *
     * @throws LedgerException if the file is missing or shorter than H2 says, or not a block file
     *     of this format
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
                int version = version(path, channel);
                if (version != VERSION) {
                    throw new LedgerException(path + " has block file format " + version + "; this code reads "
                            + VERSION);
                }
                long end = Math.max(committedEnd, START);
                requireLength(channel, end);
                return new BlockFile(path, channel, end);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new LedgerException("cannot open " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Turns the block file of a storage-format-5 ledger (bare entries) into format {@link
     * #VERSION}: drops what follows {@code committedEnd} (entries of a block H2 never committed)
     * and records the new version; blocks from then on are framed. Harmless to run again.
     */
    static void upgrade(Path folder, long committedEnd) {
        Path path = folder.resolve(NAME);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            int version = version(path, channel);
            if (version != UNFRAMED_VERSION && version != VERSION) {
                throw new LedgerException(path + " has block file format " + version + "; this code upgrades "
                        + UNFRAMED_VERSION);
            }
            requireLength(channel, committedEnd);
            if (version == VERSION) {
                // an upgrade cut short after this step: the tail may already hold framed blocks
                return;
            }
            if (channel.size() > Math.max(committedEnd, START)) {
                channel.truncate(Math.max(committedEnd, START));
            }
            ByteBuffer newVersion = ByteBuffer.allocate(4).putInt(VERSION).flip();
            while (newVersion.hasRemaining()) {
                channel.write(newVersion, MAGIC.length + newVersion.position());
            }
            channel.force(true);
        } catch (IOException e) {
            throw new LedgerException("cannot upgrade " + path + ": " + e.getMessage(), e);
        }
    }

    /** The file must hold at least what the database refers to; shorter, it lost committed blocks. */
    private static void requireLength(FileChannel channel, long committedEnd) throws IOException {
        if (channel.size() < committedEnd) {
            throw new LedgerException("the ledger's " + NAME + " has " + channel.size() + " bytes but its database"
                    + " refers to " + committedEnd + ": committed transactions are missing");
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
        forceDirectory(path.getParent());
        return new BlockFile(path, channel, START);
    }

    /** Makes the new file's directory entry durable, so that a database that refers to it never outlives it. */
    private static void forceDirectory(Path folder) {
        if (!DurableFiles.forceFolder(folder)) {
            // not every platform lets a directory be opened or forced; the file itself was forced
            LOGGER.fine("could not force the directory " + folder);
        }
    }

    private static int version(Path path, FileChannel channel) throws IOException {
        if (channel.size() < START) {
            throw new LedgerException(path + " is not a ledger block file");
        }
        ByteBuffer header = ByteBuffer.allocate((int) START);
        readFully(channel, header, 0);
        header.flip();
        byte[] magic = new byte[MAGIC.length];
        header.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new LedgerException(path + " is not a ledger block file");
        }
        return header.getInt();
    }

    /** Where the next block goes: the end of the last block appended or replayed. */
    long end() {
        return end;
    }

    /**
     * Appends a block's frame, head and entries in one write; returns the offset of each entry.
     * Not yet forced: call {@link #force()} before the block is committed to H2.
     */
    long[] append(BlockFrame frame, List<byte[]> entries) {
        byte[] head = frame.encodeHead();
        long[] offsets = new long[entries.size()];
        long position = end;
        int total = head.length;
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = position + total;
            total += entries.get(i).length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(total);
        buffer.put(head);
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

    /**
     * The whole frame that starts at {@code position}, or empty if the bytes there are not one:
     * the end of the file, or a frame a crash cut short or left half-written.
     */
    Optional<StoredFrame> frameAt(long position) {
        Optional<BlockFrame> head = headAt(position);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        BlockFrame frame = head.get();
        long[] offsets = new long[frame.entryLengths().length];
        List<TransactionData> entries = new ArrayList<>(offsets.length);
        long offset = position + frame.headSize();
        try {
            for (int i = 0; i < offsets.length; i++) {
                ByteBuffer entry = ByteBuffer.allocate(frame.entryLengths()[i]);
                readFully(channel, entry, offset);
                entries.add(TransactionData.decode(entry.array()));
                offsets[i] = offset;
                offset += entry.capacity();
            }
        } catch (IllegalArgumentException e) {
            // an entry the crash left half-written
            return Optional.empty();
        } catch (IOException e) {
            throw new LedgerException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return Optional.of(new StoredFrame(frame, offsets, entries, offset));
    }

    /**
     * The head of the frame that starts at {@code position}, if the bytes there are a frame head
     * with a matching checksum and the file is long enough for the entries it lists (which are not
     * read).
     */
    Optional<BlockFrame> headAt(long position) {
        try {
            long size = channel.size();
            if (position < START || size - position < BlockFrame.PREFIX) {
                return Optional.empty();
            }
            ByteBuffer prefix = ByteBuffer.allocate(BlockFrame.PREFIX);
            readFully(channel, prefix, position);
            int headLength = BlockFrame.headLength(prefix);
            if (headLength < 0 || size - position - BlockFrame.PREFIX < headLength) {
                return Optional.empty();
            }
            ByteBuffer head = ByteBuffer.allocate(headLength);
            readFully(channel, head, position + BlockFrame.PREFIX);
            BlockFrame frame = BlockFrame.decodeHead(prefix, head.array());
            return frame == null || size - position < frame.size() ? Optional.empty() : Optional.of(frame);
        } catch (IOException e) {
            throw new LedgerException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether a frame head that {@code counts} accepts starts anywhere after {@code position}: then
     * the bytes at {@code position} that are not a whole frame are damage in the middle of the
     * file, not a tail a crash tore (a crash can only tear the last append), and cutting there
     * would drop blocks. Scans for the frame magic; reads the file from {@code position} to its
     * end. Behind a torn tail only the node's own blocks may count ({@link BlockFrame#signedBlockOf}):
     * a transaction's entry may hold bytes that pass for a head, checksum and all, and a torn tail
     * holding one would otherwise keep the node from starting.
     */
    boolean frameAfter(long position, Predicate<BlockFrame> counts) {
        try {
            long size = channel.size();
            ByteBuffer chunk = ByteBuffer.allocate(SCAN_CHUNK);
            // chunks overlap by three bytes so that no magic is split between two of them
            for (long start = position + 1; start + 4 <= size; start += SCAN_CHUNK - 3) {
                chunk.clear().limit((int) Math.min(SCAN_CHUNK, size - start));
                readFully(channel, chunk, start);
                for (int i = 0; i + 4 <= chunk.limit(); i++) {
                    if (chunk.getInt(i) == BlockFrame.MAGIC && headAt(start + i).filter(counts).isPresent()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            throw new LedgerException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether what follows the file's header may be what a crash leaves of the first opening's
     * block 0, when no whole frame is there: nothing was acknowledged from it, so a new chain may
     * replace it. A torn append can leave any mix of the frame's bytes and zeros (pages or sectors
     * written or not, in any order), so its content proves little; what it cannot be is longer
     * than that block 0's frame ({@code largestFirstFrame}), or a whole transaction entry: the file
     * of a ledger from before frames (storage format 5) starts with its first transaction's entry.
     * The caller also refuses when any whole frame head follows ({@link #frameAfter}), as none
     * can in a first append, which holds block 0's bytes and no one else's.
     */
    boolean mayHoldOnlyATornFirstFrame(long largestFirstFrame) {
        try {
            long rest = channel.size() - START;
            if (rest <= 0) {
                return true;
            }
            if (rest > largestFirstFrame) {
                return false;
            }
            ByteBuffer bytes = ByteBuffer.allocate((int) rest);
            readFully(channel, bytes, START);
            return !TransactionData.isWholeEntryAt(bytes.array());
        } catch (IOException e) {
            throw new LedgerException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** A replayed block ends at {@code blockEnd}: the next block goes after it. */
    void replayed(long blockEnd) {
        end = blockEnd;
    }

    /**
     * Drops whatever follows the last block (a frame a crash tore, or entries of a block H2
     * never committed), so the next block is appended right after it.
     */
    void cutTail() {
        try {
            long size = channel.size();
            if (size > end) {
                LOGGER.warning(NAME + ": dropping " + (size - end) + " bytes after the last whole block (a block"
                        + " whose writing a crash interrupted; it was never acknowledged)");
                channel.truncate(end);
                channel.force(true);
            }
        } catch (IOException e) {
            throw new LedgerException("cannot cut " + path + " back to " + end + ": " + e.getMessage(), e);
        }
    }

    /** Forces what was appended to the disk. */
    void force() {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new LedgerException("the disk did not confirm " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Drops what was appended after {@code committedEnd} (a block whose H2 commit failed, so that
     * no later opening replays it).
     */
    void truncate(long committedEnd) {
        try {
            channel.truncate(committedEnd);
            channel.force(true);
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
