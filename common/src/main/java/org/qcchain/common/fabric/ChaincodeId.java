package org.qcchain.common.fabric;

/**
 * {@code peer.ChaincodeID}: which chaincode.
 *
 * @param path the deployment path (unused by chaincode as a service)
 * @param name the chaincode name, e.g. {@code qcchain}
 * @param version the version label
 */
public record ChaincodeId(String path, String name, String version) {

    /**
     * Reads a serialized chaincode id.
     *
     * @param bytes the message
     * @return the view
     * @throws ProtoFormatException if the bytes are not a well-formed id
     */
    public static ChaincodeId parse(byte[] bytes) throws ProtoFormatException {
        ProtoFields fields = ProtoFields.parse(bytes, "peer.ChaincodeID", 1, 2, 3);
        return new ChaincodeId(fields.string(1), fields.string(2), fields.string(3));
    }
}
