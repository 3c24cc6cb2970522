package org.qcchain.common.fabric;

/**
 * {@code msp.SerializedIdentity}: an MSP id and, for X.509 MSPs, the member's PEM certificate.
 * The array is the reader's copy.
 *
 * @param mspid the organisation's MSP id
 * @param idBytes the PEM certificate
 */
public record SerializedIdentity(String mspid, byte[] idBytes) {

    /**
     * Reads a serialized identity.
     *
     * @param bytes the message
     * @return the view
     * @throws ProtoFormatException if the bytes are not a well-formed identity
     */
    public static SerializedIdentity parse(byte[] bytes) throws ProtoFormatException {
        ProtoFields fields = ProtoFields.parse(bytes, "msp.SerializedIdentity", 1, 2);
        return new SerializedIdentity(fields.string(1), fields.bytes(2));
    }
}
