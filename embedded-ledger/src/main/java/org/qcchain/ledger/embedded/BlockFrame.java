package org.qcchain.ledger.embedded;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.InvalidSignatureException;

/**
 * How a block is laid out in the {@link BlockFile} (block file format 2): a checksummed frame
 * head, then the block's transaction entries back to back. The head holds the block's number, its
 * signed header bytes (canonical JSON, {@link BlockHeader#bytes()}), the node's signature over them
 * and the length of each entry, so a block can be read back from the file alone: everything H2
 * stores of a block (its header row, transaction index, state and key history) follows from it.
 * This is what lets H2 write its pages to disk in the background instead of at every block: the
 * committer forces the frame before it acknowledges the block, and opening puts back into H2 the
 * blocks it had not stored yet ({@link BlockReplay}).
 *
 * <pre>{@code
 * int magic "QCBF", int headLength, int crc32c(head),
 * head:    long number, int n, n bytes of header, int s, s bytes of signature,
 *          int count, count x int entry length
 * entries: count entries ({@link TransactionData}), each checksummed on its own
 * }</pre>
 *
 * <p>A frame is whole when its head's checksum matches and every entry it lists is in the file
 * with a matching checksum; a crash can leave only the last frame part-written.
 *
 * @param number the block number
 * @param header the header bytes the node hashed and signed
 * @param signature the node's signature over them
 * @param entryLengths the length of each transaction entry, in order
 */
record BlockFrame(long number, byte[] header, byte[] signature, int[] entryLengths) {

    /** The four bytes that open every frame: "QCBF". */
    static final int MAGIC = 0x51434246;
    /** Magic, head length and head checksum. */
    static final int PREFIX = 12;
    /** The smallest head: number, and the lengths of header, signature and entry list, all empty. */
    static final int MIN_HEAD = 8 + 4 + 4 + 4;
    /** A head larger than this is not a head (a genesis header with many CA certificates is far smaller). */
    static final int MAX_HEAD = 16 * 1024 * 1024;

    /** The frame of a sealed block and its encoded entries. */
    static BlockFrame of(BlockSealer.Sealed block, List<byte[]> entries) {
        int[] lengths = new int[entries.size()];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = entries.get(i).length;
        }
        return new BlockFrame(block.header().number(), block.headerBytes(), block.signature(), lengths);
    }

    /** The prefix and head, ready to be written in front of the entries. */
    byte[] encodeHead() {
        int headLength = headLength();
        ByteBuffer out = ByteBuffer.allocate(PREFIX + headLength);
        out.position(PREFIX);
        out.putLong(number);
        out.putInt(header.length).put(header);
        out.putInt(signature.length).put(signature);
        out.putInt(entryLengths.length);
        for (int length : entryLengths) {
            out.putInt(length);
        }
        CRC32C crc = new CRC32C();
        crc.update(out.array(), PREFIX, headLength);
        out.putInt(0, MAGIC).putInt(4, headLength).putInt(8, (int) crc.getValue());
        return out.array();
    }

    /**
     * Whether this frame is a block numbered {@code from} or later whose header the node signed. A
     * head's checksum proves nothing about who wrote it (CRC-32C is no secret): a member's
     * transaction can carry bytes that pass for a head. Its header must first parse as a block
     * header of the frame's number, so that most such bytes cost no signature check. Errors other
     * than a signature that does not verify are thrown, never taken for "not the node's": a caller
     * that decides whether to cut the file must not cut on a fault of its own.
     */
    boolean signedBlockOf(CryptoSuite suite, PublicKey nodeKey, long from) {
        if (number < from) {
            return false;
        }
        try {
            if (BlockHeader.parse(header).number() != number) {
                return false;
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            suite.verify(nodeKey, header, signature);
            return true;
        } catch (InvalidSignatureException e) {
            return false;
        }
    }

    /** The bytes of prefix and head. */
    int headSize() {
        return PREFIX + headLength();
    }

    private int headLength() {
        return MIN_HEAD + header.length + signature.length + 4 * entryLengths.length;
    }

    /** Whether this frame holds the block H2 holds: its number, header bytes and signature. */
    boolean holds(Block block) {
        return number == block.number() && Arrays.equals(header, block.headerBytes())
                && Arrays.equals(signature, block.signature());
    }

    /** The bytes of the whole frame, entries included. */
    long size() {
        long size = headSize();
        for (int length : entryLengths) {
            size += length;
        }
        return size;
    }

    /**
     * The head length a frame prefix announces, or -1 if these 12 bytes do not open a frame.
     *
     * @param prefix the first {@value #PREFIX} bytes of a frame
     */
    static int headLength(ByteBuffer prefix) {
        if (prefix.capacity() < PREFIX || prefix.getInt(0) != MAGIC) {
            return -1;
        }
        int length = prefix.getInt(4);
        return length >= MIN_HEAD && length <= MAX_HEAD ? length : -1;
    }

    /**
     * Decodes a head read after its prefix.
     *
     * @param prefix the frame's first {@value #PREFIX} bytes
     * @param head the {@link #headLength} bytes after them
     * @return the frame, or {@code null} if the checksum does not match or the head is malformed
     */
    static BlockFrame decodeHead(ByteBuffer prefix, byte[] head) {
        CRC32C crc = new CRC32C();
        crc.update(head);
        if ((int) crc.getValue() != prefix.getInt(8)) {
            return null;
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(head);
            long number = in.getLong();
            byte[] header = bytes(in);
            byte[] signature = bytes(in);
            int count = in.getInt();
            if (count < 0 || count > in.remaining() / 4) {
                return null;
            }
            int[] lengths = new int[count];
            for (int i = 0; i < count; i++) {
                lengths[i] = in.getInt();
                if (lengths[i] < TransactionData.FRAME_HEADER) {
                    return null;
                }
            }
            return in.hasRemaining() || header == null || signature == null ? null
                    : new BlockFrame(number, header, signature, lengths);
        } catch (BufferUnderflowException e) {
            return null;
        }
    }

    private static byte[] bytes(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }
}
