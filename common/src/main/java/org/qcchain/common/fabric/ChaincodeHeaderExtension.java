package org.qcchain.common.fabric;

/**
 * {@code peer.ChaincodeHeaderExtension}: the channel header's extension of an endorser
 * transaction, naming the chaincode the client invoked (field 1 is reserved).
 *
 * @param chaincodeId the invoked chaincode
 */
public record ChaincodeHeaderExtension(ChaincodeId chaincodeId) {

    /**
     * Reads a serialized extension.
     *
     * @param bytes the message
     * @return the view
     * @throws ProtoFormatException if the bytes are not a well-formed extension
     */
    public static ChaincodeHeaderExtension parse(byte[] bytes) throws ProtoFormatException {
        ProtoFields fields = ProtoFields.parse(bytes, "peer.ChaincodeHeaderExtension", 2);
        return new ChaincodeHeaderExtension(ChaincodeId.parse(fields.bytes(2)));
    }
}
