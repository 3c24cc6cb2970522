package org.qcchain.common.fabric;

/**
 * {@code peer.ChaincodeEvent}: the one event a transaction may set. The array is the reader's copy.
 *
 * @param chaincodeId the name of the chaincode that set it
 * @param txId the transaction id
 * @param eventName the event's name
 * @param payload the event's payload
 */
public record ChaincodeEvent(String chaincodeId, String txId, String eventName, byte[] payload) {

    /**
     * Reads a serialized event.
     *
     * @param bytes the message
     * @return the view
     * @throws ProtoFormatException if the bytes are not a well-formed event
     */
    public static ChaincodeEvent parse(byte[] bytes) throws ProtoFormatException {
        ProtoFields fields = ProtoFields.parse(bytes, "peer.ChaincodeEvent", 1, 2, 3, 4);
        return new ChaincodeEvent(fields.string(1), fields.string(2), fields.string(3), fields.bytes(4));
    }
}
