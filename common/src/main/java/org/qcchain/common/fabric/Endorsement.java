package org.qcchain.common.fabric;

import java.io.ByteArrayOutputStream;

/**
 * {@code peer.Endorsement}: a peer's signature over the proposal response payload. The arrays are
 * the reader's copies.
 *
 * @param endorser the peer's serialized {@link SerializedIdentity}
 * @param signature its DER signature over {@link #signedBytes}
 */
public record Endorsement(byte[] endorser, byte[] signature) {

    /**
     * Reads a serialized endorsement.
     *
     * @param bytes the message
     * @return the view
     * @throws ProtoFormatException if the bytes are not a well-formed endorsement
     */
    public static Endorsement parse(byte[] bytes) throws ProtoFormatException {
        ProtoFields fields = ProtoFields.parse(bytes, "peer.Endorsement", 1, 2);
        return new Endorsement(fields.bytes(1), fields.bytes(2));
    }

    /**
     * What the endorser signed, as Fabric's validation builds it: {@code proposal_response_payload
     * ‖ endorser}.
     *
     * @param proposalResponsePayload the endorsed action's serialized proposal response payload
     * @return the signed bytes
     */
    public byte[] signedBytes(byte[] proposalResponsePayload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(proposalResponsePayload.length + endorser.length);
        out.writeBytes(proposalResponsePayload);
        out.writeBytes(endorser);
        return out.toByteArray();
    }
}
