package org.qcchain.node.ledger.fabric;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Instant;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;

/**
 * What an auditor wants to read from a transaction envelope without Fabric's tools: channel,
 * time, the creator's organisation, and for a chaincode call its chaincode, function, response
 * status and message, and event name. Arguments and payloads are left out (they are in the
 * evidence's block for whoever checks it); no value is added that the envelope does not hold.
 */
final class EnvelopeDetails {

    private EnvelopeDetails() {}

    /**
     * Adds the envelope's details to {@code node}; what does not parse is left out.
     *
     * @param envelope the transaction's envelope
     * @param node the transaction's JSON, changed in place
     */
    static void describe(Envelope envelope, ObjectNode node) {
        try {
            Payload payload = Payload.parseFrom(envelope.getPayload());
            ChannelHeader channel = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
            node.put("channel", channel.getChannelId());
            node.put("timestamp", Instant.ofEpochSecond(channel.getTimestamp().getSeconds(),
                    channel.getTimestamp().getNanos()).toString());
            SignatureHeader signature = SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader());
            node.put("creatorMspId", SerializedIdentity.parseFrom(signature.getCreator()).getMspid());
            if (channel.getType() == HeaderType.ENDORSER_TRANSACTION_VALUE) {
                describeChaincodeCall(Transaction.parseFrom(payload.getData()), node);
            }
        } catch (InvalidProtocolBufferException e) {
            node.put("unreadable", "the envelope does not parse: " + e.getMessage());
        }
    }

    private static void describeChaincodeCall(Transaction transaction, ObjectNode node)
            throws InvalidProtocolBufferException {
        if (transaction.getActionsCount() == 0) {
            return;
        }
        ChaincodeActionPayload action = ChaincodeActionPayload.parseFrom(transaction.getActions(0).getPayload());
        ChaincodeInvocationSpec invocation = ChaincodeInvocationSpec.parseFrom(
                ChaincodeProposalPayload.parseFrom(action.getChaincodeProposalPayload()).getInput());
        ChaincodeAction result = ChaincodeAction.parseFrom(ProposalResponsePayload.parseFrom(
                action.getAction().getProposalResponsePayload()).getExtension());
        node.put("chaincode", result.getChaincodeId().getName());
        if (invocation.getChaincodeSpec().getInput().getArgsCount() > 0) {
            node.put("function", invocation.getChaincodeSpec().getInput().getArgs(0).toStringUtf8());
        }
        node.put("status", result.getResponse().getStatus());
        node.put("message", result.getResponse().getMessage());
        node.put("endorsements", action.getAction().getEndorsementsCount());
        if (!result.getEvents().isEmpty()) {
            node.put("event", ChaincodeEvent.parseFrom(result.getEvents()).getEventName());
        }
    }
}
