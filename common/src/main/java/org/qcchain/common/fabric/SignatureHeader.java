package org.qcchain.common.fabric;

/**
 * {@code common.SignatureHeader}: who signed, and a nonce that makes the transaction id unique.
 * The arrays are the reader's copies.
 *
 * @param creator a serialized {@link SerializedIdentity}
 * @param nonce random bytes chosen by the creator
 */
public record SignatureHeader(byte[] creator, byte[] nonce) {

    /**
     * Reads a serialized signature header.
     *
     * @param bytes the message
     * @return the view
     * @throws ProtoFormatException if the bytes are not a well-formed signature header
     */
    public static SignatureHeader parse(byte[] bytes) throws ProtoFormatException {
        ProtoFields fields = ProtoFields.parse(bytes, "common.SignatureHeader", 1, 2);
        return new SignatureHeader(fields.bytes(1), fields.bytes(2));
    }
}
