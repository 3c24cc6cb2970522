package org.qcchain.common.fabric;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code peer.ChaincodeEndorsedAction}: the proposal response payload every endorser signed, and
 * their endorsements. The array is the reader's copy.
 *
 * @param proposalResponsePayload a serialized {@link ProposalResponsePayload}; the bytes endorsers sign
 * @param endorsements the endorsements, in order
 */
public record ChaincodeEndorsedAction(byte[] proposalResponsePayload, List<Endorsement> endorsements) {

    /** Copies the list. */
    public ChaincodeEndorsedAction {
        endorsements = List.copyOf(endorsements);
    }

    /**
     * Reads a serialized endorsed action.
     *
     * @param bytes the message
     * @return the view
     * @throws ProtoFormatException if the bytes are not well-formed
     */
    public static ChaincodeEndorsedAction parse(byte[] bytes) throws ProtoFormatException {
        ProtoFields fields = ProtoFields.parse(bytes, "peer.ChaincodeEndorsedAction", 1, 2);
        List<Endorsement> endorsements = new ArrayList<>();
        for (byte[] endorsement : fields.repeated(2)) {
            endorsements.add(Endorsement.parse(endorsement));
        }
        return new ChaincodeEndorsedAction(fields.bytes(1), endorsements);
    }
}
