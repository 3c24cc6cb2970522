package org.qcchain.sdk.audit;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.qcchain.common.fabric.ChannelHeader;
import org.qcchain.common.fabric.Header;
import org.qcchain.common.fabric.ProtoFormatException;
import org.qcchain.common.fabric.ProtoReader;

/**
 * What a completeness check needs from the {@code peer.Proposal} an embedded-ledger transaction
 * stores (docs/ledger.md, "Proposals"): the transaction id and time its channel header names, and
 * the function, the first argument of its {@code ChaincodeInput}. The path is {@code
 * Proposal.payload → ChaincodeProposalPayload.input → ChaincodeInvocationSpec.chaincode_spec →
 * ChaincodeSpec.input → ChaincodeInput.args[0]}; common's strict reader reads the headers, and a
 * singular field given twice is refused here as it is there.
 *
 * @param txId the channel header's transaction id
 * @param timestamp the proposal time, which the chaincode records as the decision time; {@code
 *     null} if absent
 * @param function e.g. {@code Access:requestAccess}
 */
record ProposalView(String txId, Instant timestamp, String function) {

    /**
     * Reads a serialized proposal.
     *
     * @param proposal the {@code peer.Proposal} bytes
     * @return the view
     * @throws ProtoFormatException if the bytes are not a well-formed proposal with a function
     */
    static ProposalView read(byte[] proposal) throws ProtoFormatException {
        ChannelHeader channel = ChannelHeader.parse(Header.parse(single(proposal, 1, "peer.Proposal"))
                .channelHeader());
        byte[] invocation = single(single(proposal, 2, "peer.Proposal"), 1, "peer.ChaincodeProposalPayload");
        byte[] spec = single(invocation, 1, "peer.ChaincodeInvocationSpec");
        byte[] input = single(spec, 3, "peer.ChaincodeSpec");
        byte[] function = first(input, 1, "peer.ChaincodeInput");
        return new ProposalView(channel.txId(), channel.timestamp(), utf8(function));
    }

    /** The one length-delimited value of a singular field; empty when absent. */
    private static byte[] single(byte[] message, int field, String name) throws ProtoFormatException {
        ProtoReader reader = new ProtoReader(message);
        byte[] value = null;
        while (reader.next()) {
            if (reader.field() != field) {
                reader.skip();
            } else if (value != null) {
                throw new ProtoFormatException(name + ": field " + field + " occurs twice; it is not repeated");
            } else {
                value = reader.bytes();
            }
        }
        return value == null ? new byte[0] : value;
    }

    /** The first value of a repeated bytes field. */
    private static byte[] first(byte[] message, int field, String name) throws ProtoFormatException {
        ProtoReader reader = new ProtoReader(message);
        byte[] value = null;
        while (reader.next()) {
            if (reader.field() == field && value == null) {
                value = reader.bytes();
            } else {
                reader.skip();
            }
        }
        if (value == null) {
            throw new ProtoFormatException(name + ": no arguments, so no function");
        }
        return value;
    }

    private static String utf8(byte[] bytes) throws ProtoFormatException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ProtoFormatException("peer.ChaincodeInput: the function name is not UTF-8");
        }
    }
}
