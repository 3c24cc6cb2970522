package org.qcchain.common.fabric;

/**
 * {@code common.Payload}: an envelope's content, its headers and, for an endorser transaction, a
 * serialized {@link Transaction}. The array is the reader's copy.
 *
 * @param header the headers; empty if the payload has none
 * @param data the serialized transaction
 */
public record Payload(Header header, byte[] data) {

    /**
     * Reads a serialized payload.
     *
     * @param bytes the message
     * @return the view
     * @throws ProtoFormatException if the bytes are not a well-formed payload
     */
    public static Payload parse(byte[] bytes) throws ProtoFormatException {
        ProtoFields fields = ProtoFields.parse(bytes, "common.Payload", 1, 2);
        return new Payload(Header.parse(fields.bytes(1)), fields.bytes(2));
    }
}
