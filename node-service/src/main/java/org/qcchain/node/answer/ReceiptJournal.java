package org.qcchain.node.answer;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.qcchain.common.io.DurableFiles;
import org.qcchain.common.io.DurableFiles.Access;

/**
 * The delivery outbox's file: an append-only journal of what happened to each receipt (kept,
 * recorded on the ledger, refused for good). Each entry is framed by its length and a CRC-32C:
 *
 * <pre>
 *   file   = "qcoutbox" version:u32 entry*
 *   entry  = length:u32 crc32c:u32 body           (length and crc32c of body)
 *   body   = kind:u8 accessId:text [text]         (KEPT: answer hash; FAILED: the reason)
 *   text   = length:u16 UTF-8
 * </pre>
 *
 * <p>Only the end of the file can be torn: entries are appended in order, and an entry counts
 * once the file has been forced after it ({@link #force}). Reading stops at the first entry that
 * is incomplete or does not match its CRC, and {@link #open} cuts the file there: what follows was
 * never confirmed. A rewrite ({@link #rewrite}) writes a new file beside the old one, forces it
 * and renames it over the old one, so a crash leaves one or the other, both whole.
 *
 * <p>Not thread-safe.
 */
final class ReceiptJournal implements AutoCloseable {

    private static final byte[] MAGIC = "qcoutbox".getBytes(UTF_8);
    private static final int VERSION = 1;
    private static final int HEADER_BYTES = MAGIC.length + Integer.BYTES;
    private static final int FRAME_BYTES = 2 * Integer.BYTES;
    /** The largest body an entry can have: a kind and two texts of at most 65,535 bytes. */
    private static final int MAX_BODY = 1 + 2 * (Short.BYTES + 0xFFFF);

    /** What an entry says happened to a receipt. */
    enum Kind {
        /** Kept before its answer was sent; {@link Entry#text} is the answer's hash. */
        KEPT,
        /** On the ledger; it leaves the outbox. */
        RECORDED,
        /** Refused by the chaincode for good; {@link Entry#text} is the reason. */
        FAILED;

        private static final Kind[] ALL = values();
    }

    /**
     * One entry.
     *
     * @param kind what happened
     * @param accessId the access whose receipt it is
     * @param text the answer hash (KEPT), the reason (FAILED), {@code null} (RECORDED)
     */
    record Entry(Kind kind, String accessId, String text) {
        Entry {
            if (kind == Kind.RECORDED ? text != null : text == null) {
                throw new IllegalArgumentException(kind + " entries " + (text == null ? "need" : "have no") + " text");
            }
        }
    }

    /**
     * A journal just opened.
     *
     * @param journal open for appending
     * @param entries every whole entry, in order
     * @param cutBytes how many bytes of a torn end were cut off
     */
    record Opened(ReceiptJournal journal, List<Entry> entries, long cutBytes) {}

    private final Path file;
    private final FileChannel channel;
    private long end;

    private ReceiptJournal(Path file, FileChannel channel, long end) {
        this.file = file;
        this.channel = channel;
        this.end = end;
    }

    /**
     * Opens the journal at {@code file}, creating it if absent, reads its entries and cuts off a
     * torn end.
     *
     * @throws IOException if it cannot be read or written, or is not a journal of this format
     */
    static Opened open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            ByteBuffer content = ByteBuffer.allocate(Math.toIntExact(channel.size()));
            while (content.hasRemaining() && channel.read(content, content.position()) >= 0) {
                // read until full
            }
            content.flip();
            if (!hasHeader(file, content)) {
                channel.truncate(0);
                writeFully(channel, header(), 0);
                channel.force(true);
                return new Opened(new ReceiptJournal(file, channel, HEADER_BYTES), List.of(), 0);
            }
            List<Entry> entries = new ArrayList<>();
            long whole = readEntries(content, entries);
            long cut = channel.size() - whole;
            if (cut > 0) {
                channel.truncate(whole);
                channel.force(true);
            }
            return new Opened(new ReceiptJournal(file, channel, whole), entries, cut);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Writes {@code entries} as a new journal at {@code file}, replacing what is there only once
     * the new one is whole on the disk.
     */
    static void rewrite(Path file, List<Entry> entries) throws IOException {
        ByteBuffer header = header();
        ByteBuffer body = encode(entries);
        int headerLength = header.remaining();
        byte[] content = new byte[headerLength + body.remaining()];
        header.get(content, 0, headerLength);
        body.get(content, headerLength, body.remaining());
        DurableFiles.replace(file, content, Access.DEFAULT);
    }

    /**
     * Appends entries; they count only after {@link #force}. If the write fails, the file may hold
     * part of them beyond {@link #size}: the next append writes over it, but whole entries of it
     * can remain beyond a shorter one and be read at opening, so a caller whose entries must then
     * not count {@linkplain #truncate truncates}.
     */
    void append(List<Entry> entries) throws IOException {
        ByteBuffer bytes = encode(entries);
        int length = bytes.remaining();
        writeFully(channel, bytes, end);
        end += length;
    }

    /** Forces what was appended to the disk. */
    void force() throws IOException {
        channel.force(false);
    }

    /**
     * Cuts the file back to {@code length} (an end this journal had): for entries appended whose
     * write or force failed, which must not count.
     */
    void truncate(long length) throws IOException {
        channel.truncate(length);
        channel.force(true);
        end = length;
    }

    /** The length of the file: where the next entry goes. */
    long size() {
        return end;
    }

    /** The journal's file. */
    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static ByteBuffer header() {
        return ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).putInt(VERSION).flip();
    }

    /**
     * Whether the file starts with this journal's header; {@code false} for a file shorter than
     * the header that is the start of one (a crash while the file was created: it holds nothing).
     */
    private static boolean hasHeader(Path file, ByteBuffer content) throws IOException {
        byte[] start = new byte[Math.min(HEADER_BYTES, content.remaining())];
        content.get(start);
        byte[] header = header().array();
        if (!Arrays.equals(start, Arrays.copyOf(header, start.length))) {
            if (start.length >= MAGIC.length && Arrays.equals(Arrays.copyOf(start, MAGIC.length), MAGIC)) {
                throw new IOException(file + " is a delivery outbox journal of format "
                        + ByteBuffer.wrap(start, MAGIC.length, Integer.BYTES).getInt() + "; this node reads " + VERSION);
            }
            throw new IOException(file + " is not a delivery outbox journal");
        }
        return start.length == HEADER_BYTES;
    }

    /** Reads whole entries from {@code content} into {@code entries}; returns where they end. */
    private static long readEntries(ByteBuffer content, List<Entry> entries) {
        CRC32C crc = new CRC32C();
        while (content.remaining() >= FRAME_BYTES) {
            int start = content.position();
            int length = content.getInt();
            int expected = content.getInt();
            if (length < 1 || length > MAX_BODY || length > content.remaining()) {
                return start;
            }
            ByteBuffer body = content.slice(content.position(), length);
            crc.reset();
            crc.update(body.duplicate());
            Entry entry = crc.getValue() == (expected & 0xFFFFFFFFL) ? decode(body) : null;
            if (entry == null) {
                return start;
            }
            entries.add(entry);
            content.position(content.position() + length);
        }
        return content.position();
    }

    /** The entry a body holds, or {@code null} if it is not one (which its CRC should have caught). */
    private static Entry decode(ByteBuffer body) {
        try {
            int kind = body.get() & 0xFF;
            if (kind >= Kind.ALL.length) {
                return null;
            }
            String accessId = readText(body);
            String text = Kind.ALL[kind] == Kind.RECORDED ? null : readText(body);
            return body.hasRemaining() ? null : new Entry(Kind.ALL[kind], accessId, text);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String readText(ByteBuffer body) {
        byte[] bytes = new byte[body.getShort() & 0xFFFF];
        body.get(bytes);
        return new String(bytes, UTF_8);
    }

    /** The bytes {@code entry} takes in the file, frame included. */
    static int length(Entry entry) {
        return FRAME_BYTES + body(entry).length;
    }

    private static byte[] body(Entry entry) {
        byte[] accessId = textBytes(entry.accessId());
        byte[] text = entry.text() == null ? null : textBytes(entry.text());
        ByteBuffer body = ByteBuffer.allocate(1 + Short.BYTES + accessId.length
                + (text == null ? 0 : Short.BYTES + text.length));
        body.put((byte) entry.kind().ordinal()).putShort((short) accessId.length).put(accessId);
        if (text != null) {
            body.putShort((short) text.length).put(text);
        }
        return body.array();
    }

    private static ByteBuffer encode(List<Entry> entries) {
        List<byte[]> bodies = new ArrayList<>(entries.size());
        int total = 0;
        for (Entry entry : entries) {
            byte[] body = body(entry);
            bodies.add(body);
            total += FRAME_BYTES + body.length;
        }
        ByteBuffer out = ByteBuffer.allocate(total);
        CRC32C crc = new CRC32C();
        for (byte[] body : bodies) {
            crc.reset();
            crc.update(body);
            out.putInt(body.length).putInt((int) crc.getValue()).put(body);
        }
        return out.flip();
    }

    private static byte[] textBytes(String text) {
        byte[] bytes = text.getBytes(UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("a journal text is at most 65,535 bytes, got " + bytes.length);
        }
        return bytes;
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
    }
}
