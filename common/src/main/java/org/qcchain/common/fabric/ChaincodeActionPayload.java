package org.qcchain.common.fabric;

/**
 * {@code peer.ChaincodeActionPayload}: the proposal's chaincode input (as hashed into the proposal
 * hash, transient data removed) and the endorsed action. The array is the reader's copy.
 *
 * @param chaincodeProposalPayload the serialized {@code peer.ChaincodeProposalPayload}
 * @param action the endorsed action; empty if absent
 */
public record ChaincodeActionPayload(byte[] chaincodeProposalPayload, ChaincodeEndorsedAction action) {

    /**
     * Reads a serialized chaincode action payload.
     *
     * @param bytes the message
     * @return the view
     * @throws ProtoFormatException if the bytes are not well-formed
     */
    public static ChaincodeActionPayload parse(byte[] bytes) throws ProtoFormatException {
        ProtoFields fields = ProtoFields.parse(bytes, "peer.ChaincodeActionPayload", 1, 2);
        return new ChaincodeActionPayload(fields.bytes(1), ChaincodeEndorsedAction.parse(fields.bytes(2)));
    }
}
