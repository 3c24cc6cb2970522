package org.qcchain.common.fabric;

/**
 * {@code common.Envelope}: one transaction in a block's data, the payload and its creator's
 * signature over exactly these payload bytes. The arrays are the reader's copies.
 *
 * @param payload a serialized {@link Payload}
 * @param signature the creator's DER signature over {@code payload}
 */
public record Envelope(byte[] payload, byte[] signature) {

    /**
     * Reads a serialized envelope.
     *
     * @param bytes the message
     * @return the view
     * @throws ProtoFormatException if the bytes are not a well-formed envelope
     */
    public static Envelope parse(byte[] bytes) throws ProtoFormatException {
        ProtoFields fields = ProtoFields.parse(bytes, "common.Envelope", 1, 2);
        return new Envelope(fields.bytes(1), fields.bytes(2));
    }
}
