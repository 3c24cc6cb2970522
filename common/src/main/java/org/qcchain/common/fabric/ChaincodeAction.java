package org.qcchain.common.fabric;

/**
 * {@code peer.ChaincodeAction}: the endorsed outcome of a chaincode invocation. The arrays are
 * the reader's copies.
 *
 * @param results the serialized read/write set
 * @param events a serialized {@link ChaincodeEvent}, or empty if the chaincode set none
 * @param response the chaincode's response
 * @param chaincodeId the chaincode that ran
 */
public record ChaincodeAction(byte[] results, byte[] events, Response response, ChaincodeId chaincodeId) {

    /**
     * Reads a serialized chaincode action.
     *
     * @param bytes the message
     * @return the view
     * @throws ProtoFormatException if the bytes are not well-formed
     */
    public static ChaincodeAction parse(byte[] bytes) throws ProtoFormatException {
        ProtoFields fields = ProtoFields.parse(bytes, "peer.ChaincodeAction", 1, 2, 3, 4);
        return new ChaincodeAction(fields.bytes(1), fields.bytes(2), Response.parse(fields.bytes(3)),
                ChaincodeId.parse(fields.bytes(4)));
    }
}
