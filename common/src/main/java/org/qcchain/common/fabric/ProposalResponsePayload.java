package org.qcchain.common.fabric;

/**
 * {@code peer.ProposalResponsePayload}: what endorsers sign, binding the proposal (by its hash) to
 * the simulation's outcome. The arrays are the reader's copies.
 *
 * @param proposalHash {@link FabricHashes#proposalHash} of the proposal it answers
 * @param extension a serialized {@link ChaincodeAction}
 */
public record ProposalResponsePayload(byte[] proposalHash, byte[] extension) {

    /**
     * Reads a serialized proposal response payload.
     *
     * @param bytes the message
     * @return the view
     * @throws ProtoFormatException if the bytes are not well-formed
     */
    public static ProposalResponsePayload parse(byte[] bytes) throws ProtoFormatException {
        ProtoFields fields = ProtoFields.parse(bytes, "peer.ProposalResponsePayload", 1, 2);
        return new ProposalResponsePayload(fields.bytes(1), fields.bytes(2));
    }
}
