package org.qcchain.common.fabric;

/**
 * {@code common.Header}: a payload's two headers, kept serialized because Fabric hashes and signs
 * exactly these bytes ({@link FabricHashes#proposalHash}). The arrays are the reader's copies.
 *
 * @param channelHeader a serialized {@link ChannelHeader}
 * @param signatureHeader a serialized {@link SignatureHeader}
 */
public record Header(byte[] channelHeader, byte[] signatureHeader) {

    /**
     * Reads a serialized header.
     *
     * @param bytes the message
     * @return the view
     * @throws ProtoFormatException if the bytes are not a well-formed header
     */
    public static Header parse(byte[] bytes) throws ProtoFormatException {
        ProtoFields fields = ProtoFields.parse(bytes, "common.Header", 1, 2);
        return new Header(fields.bytes(1), fields.bytes(2));
    }
}
