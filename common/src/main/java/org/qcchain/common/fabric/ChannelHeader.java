package org.qcchain.common.fabric;

import java.time.Instant;

/**
 * {@code common.ChannelHeader}: what a transaction is and where it belongs. The array is the
 * reader's copy.
 *
 * @param type the header type, {@link FabricCodes#ENDORSER_TRANSACTION} for a chaincode invocation
 * @param version the message protocol version
 * @param timestamp when the client made the proposal (its clock, signed by it); {@code null} if absent
 * @param channelId the channel
 * @param txId the transaction id, {@link FabricHashes#transactionId} of the signature header
 * @param epoch always 0 in valid Fabric transactions
 * @param extension for endorser transactions a serialized {@link ChaincodeHeaderExtension}
 */
public record ChannelHeader(int type, int version, Instant timestamp, String channelId, String txId, long epoch,
        byte[] extension) {

    /**
     * Reads a serialized channel header.
     *
     * @param bytes the message
     * @return the view
     * @throws ProtoFormatException if the bytes are not a well-formed channel header
     */
    public static ChannelHeader parse(byte[] bytes) throws ProtoFormatException {
        ProtoFields fields = ProtoFields.parse(bytes, "common.ChannelHeader", 1, 2, 3, 4, 5, 6, 7);
        return new ChannelHeader(fields.int32(1), fields.int32(2), fields.timestamp(3), fields.string(4),
                fields.string(5), fields.varint(6), fields.bytes(7));
    }
}
