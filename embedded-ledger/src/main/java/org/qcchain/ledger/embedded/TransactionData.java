package org.qcchain.ledger.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * The bulky, write-once part of a stored transaction, as one checksummed entry of the block file:
 * what was asked (the signed proposal), what it read and wrote, and what the chaincode answered.
 * The transaction's place, hash and validation code stay in H2, which points here.
 *
 * <p>Entry: {@code int payloadLength, int crc32c(payload), payload}; payload: the transaction id,
 * the proposal bytes, its signature, the {@code KVRWSet} bytes, the response status, message and
 * payload, and the event name and payload (each byte string as {@code int length, bytes}; a
 * missing event as length {@code -1}; strings in UTF-8). Encoded on the worker that endorsed the
 * transaction; the committer only concatenates entries.
 *
 * @param txId the transaction id
 * @param proposal the proposal bytes as signed
 * @param signature the creator's signature over them
 * @param rwset the read/write set in Fabric's {@code KVRWSet} encoding
 * @param status the chaincode's response status
 * @param message the chaincode's response message
 * @param payload the chaincode's response payload
 * @param eventName the event the chaincode set, or {@code null}
 * @param eventPayload its payload, or {@code null}
 */
record TransactionData(String txId, byte[] proposal, byte[] signature, byte[] rwset, int status, String message,
        byte[] payload, String eventName, byte[] eventPayload) {

    /** Bytes before the payload: its length and its CRC-32C. */
    static final int FRAME_HEADER = 8;

    /** Whether {@code bytes} start with a whole entry: a payload length that fits and a matching checksum. */
    static boolean isWholeEntryAt(byte[] bytes) {
        if (bytes.length < FRAME_HEADER) {
            return false;
        }
        int length = ByteBuffer.wrap(bytes).getInt();
        return length > 0 && length <= bytes.length - FRAME_HEADER && checksumMatches(bytes, length);
    }

    /** Whether the payload of {@code length} bytes after the header matches the header's checksum. */
    private static boolean checksumMatches(byte[] entry, int length) {
        CRC32C crc = new CRC32C();
        crc.update(entry, FRAME_HEADER, length);
        return (int) crc.getValue() == ByteBuffer.wrap(entry).getInt(Integer.BYTES);
    }

    TransactionData {
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(proposal, "proposal");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(rwset, "rwset");
        Objects.requireNonNull(message, "message");
        payload = payload == null ? new byte[0] : payload;
    }

    /** The entry as it goes into the file: framed and checksummed. */
    byte[] encode() {
        byte[] id = txId.getBytes(UTF_8);
        byte[] text = message.getBytes(UTF_8);
        byte[] name = eventName == null ? null : eventName.getBytes(UTF_8);
        int size = FRAME_HEADER + 4 * 9 + id.length + proposal.length + signature.length + rwset.length
                + text.length + payload.length + length(name) + length(eventPayload);
        ByteBuffer out = ByteBuffer.allocate(size);
        out.position(FRAME_HEADER);
        put(out, id);
        put(out, proposal);
        put(out, signature);
        put(out, rwset);
        out.putInt(status);
        put(out, text);
        put(out, payload);
        put(out, name);
        put(out, eventPayload);
        CRC32C crc = new CRC32C();
        crc.update(out.array(), FRAME_HEADER, size - FRAME_HEADER);
        out.putInt(0, size - FRAME_HEADER);
        out.putInt(4, (int) crc.getValue());
        return out.array();
    }

    /**
     * Reads one entry.
     *
     * @param entry the entry's bytes, header included
     * @throws IllegalArgumentException if the length or checksum does not match or the payload is malformed
     */
    static TransactionData decode(byte[] entry) {
        if (entry.length < FRAME_HEADER) {
            throw new IllegalArgumentException("entry of " + entry.length + " bytes is shorter than its header");
        }
        ByteBuffer in = ByteBuffer.wrap(entry);
        int length = in.getInt();
        in.getInt();
        if (length != entry.length - FRAME_HEADER) {
            throw new IllegalArgumentException("entry says " + length + " bytes, holds " + (entry.length - FRAME_HEADER));
        }
        if (!checksumMatches(entry, length)) {
            throw new IllegalArgumentException("entry checksum does not match its bytes");
        }
        try {
            byte[] txId = get(in);
            byte[] proposal = get(in);
            byte[] signature = get(in);
            byte[] rwset = get(in);
            int status = in.getInt();
            byte[] message = get(in);
            byte[] payload = get(in);
            byte[] name = get(in);
            byte[] eventPayload = get(in);
            if (in.hasRemaining() || txId == null || proposal == null || signature == null || rwset == null
                    || message == null) {
                throw new IllegalArgumentException("entry is malformed");
            }
            return new TransactionData(new String(txId, UTF_8), proposal, signature, rwset, status,
                    new String(message, UTF_8), payload, name == null ? null : new String(name, UTF_8), eventPayload);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("entry is malformed", e);
        }
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static void put(ByteBuffer out, byte[] bytes) {
        if (bytes == null) {
            out.putInt(-1);
            return;
        }
        out.putInt(bytes.length);
        out.put(bytes);
    }

    private static byte[] get(ByteBuffer in) {
        int length = in.getInt();
        if (length == -1) {
            return null;
        }
        if (length < -1 || length > in.remaining()) {
            throw new IllegalArgumentException("entry field of " + length + " bytes does not fit");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }
}
