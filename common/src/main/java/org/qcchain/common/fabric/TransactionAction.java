package org.qcchain.common.fabric;

/**
 * {@code peer.TransactionAction}: the proposal's signature header and the endorsed action. The
 * arrays are the reader's copies.
 *
 * @param header the serialized {@link SignatureHeader} of the proposal
 * @param payload a serialized {@link ChaincodeActionPayload}
 */
public record TransactionAction(byte[] header, byte[] payload) {

    /**
     * Reads a serialized action.
     *
     * @param bytes the message
     * @return the view
     * @throws ProtoFormatException if the bytes are not a well-formed action
     */
    public static TransactionAction parse(byte[] bytes) throws ProtoFormatException {
        ProtoFields fields = ProtoFields.parse(bytes, "peer.TransactionAction", 1, 2);
        return new TransactionAction(fields.bytes(1), fields.bytes(2));
    }
}
