package org.qcchain.ledger.embedded;

import org.qcchain.common.crypto.ParsedCertificates;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeHeaderExtension;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.ChaincodeInput;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeSpec;
import org.qcchain.simulator.Proposal;

/**
 * Fabric's proposal encoding ({@code peer.Proposal} with its {@code common.Header} and {@code
 * ChaincodeProposalPayload}), both ways. Decoding checks structure and that the transaction id is
 * {@code SHA-256(nonce || creator)}; it does not check the signature.
 */
final class ProposalCodec {

    private ProposalCodec() {}

    static byte[] encode(Proposal proposal, byte[] nonce) {
        ChaincodeID chaincode = ChaincodeID.newBuilder().setName(proposal.chaincodeName()).build();
        ChannelHeader channelHeader = ChannelHeader.newBuilder()
                .setType(HeaderType.ENDORSER_TRANSACTION_VALUE)
                .setChannelId(proposal.channelId())
                .setTxId(proposal.txId())
                .setTimestamp(Timestamp.newBuilder()
                        .setSeconds(proposal.timestamp().getEpochSecond())
                        .setNanos(proposal.timestamp().getNano()))
                .setExtension(ChaincodeHeaderExtension.newBuilder().setChaincodeId(chaincode).build()
                        .toByteString())
                .build();
        SignatureHeader signatureHeader = SignatureHeader.newBuilder()
                .setCreator(ByteString.copyFrom(proposal.creator()))
                .setNonce(ByteString.copyFrom(nonce))
                .build();
        ChaincodeInput.Builder input = ChaincodeInput.newBuilder().setIsInit(proposal.init());
        proposal.args().forEach(arg -> input.addArgs(ByteString.copyFrom(arg)));
        ChaincodeInvocationSpec invocation = ChaincodeInvocationSpec.newBuilder()
                .setChaincodeSpec(ChaincodeSpec.newBuilder()
                        .setType(ChaincodeSpec.Type.JAVA)
                        .setChaincodeId(chaincode)
                        .setInput(input))
                .build();
        ChaincodeProposalPayload.Builder payload =
                ChaincodeProposalPayload.newBuilder().setInput(invocation.toByteString());
        proposal.transientData().forEach((key, value) ->
                payload.putTransientMap(key, ByteString.copyFrom(value)));
        return org.hyperledger.fabric.protos.peer.Proposal.newBuilder()
                .setHeader(Header.newBuilder()
                        .setChannelHeader(channelHeader.toByteString())
                        .setSignatureHeader(signatureHeader.toByteString())
                        .build()
                        .toByteString())
                .setPayload(payload.build().toByteString())
                .build()
                .toByteArray();
    }

    static ParsedProposal decode(byte[] bytes) throws ProposalRejectedException {
        try {
            var proposal = org.hyperledger.fabric.protos.peer.Proposal.parseFrom(bytes);
            Header header = Header.parseFrom(proposal.getHeader());
            ChannelHeader channelHeader = ChannelHeader.parseFrom(header.getChannelHeader());
            SignatureHeader signatureHeader = SignatureHeader.parseFrom(header.getSignatureHeader());
            if (channelHeader.getType() != HeaderType.ENDORSER_TRANSACTION_VALUE) {
                throw bad("header type " + channelHeader.getType() + " is not ENDORSER_TRANSACTION");
            }
            byte[] creator = signatureHeader.getCreator().toByteArray();
            byte[] nonce = signatureHeader.getNonce().toByteArray();
            if (creator.length == 0 || nonce.length == 0) {
                throw bad("the signature header needs a creator and a nonce");
            }
            String expectedTxId = Proposal.transactionId(nonce, creator);
            if (!expectedTxId.equals(channelHeader.getTxId())) {
                throw bad("transaction id " + channelHeader.getTxId()
                        + " is not SHA-256(nonce || creator) " + expectedTxId);
            }
            ChaincodeProposalPayload payload = ChaincodeProposalPayload.parseFrom(proposal.getPayload());
            ChaincodeSpec spec = ChaincodeInvocationSpec.parseFrom(payload.getInput()).getChaincodeSpec();
            List<byte[]> args = spec.getInput().getArgsList().stream().map(ByteString::toByteArray).toList();
            if (args.isEmpty()) {
                throw bad("the chaincode input names no function");
            }
            SerializedIdentity identity = SerializedIdentity.parseFrom(creator);
            X509Certificate certificate = ParsedCertificates.parse(identity.getIdBytes().toStringUtf8());
            Timestamp time = channelHeader.getTimestamp();
            Proposal parsed = Proposal.builder()
                    .channelId(channelHeader.getChannelId())
                    .chaincodeName(spec.getChaincodeId().getName())
                    .txId(channelHeader.getTxId())
                    .timestamp(Instant.ofEpochSecond(time.getSeconds(), time.getNanos()))
                    .creator(creator)
                    .args(args)
                    .transientData(toBytes(payload.getTransientMapMap()))
                    .init(spec.getInput().getIsInit())
                    .build();
            return new ParsedProposal(parsed, identity.getMspid(), certificate);
        } catch (InvalidProtocolBufferException e) {
            throw bad("not a Fabric proposal: " + e.getMessage());
        } catch (CertificateException e) {
            throw bad("the creator's certificate cannot be read: " + e.getMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw bad("incomplete proposal: " + e.getMessage());
        }
    }

    private static Map<String, byte[]> toBytes(Map<String, ByteString> transientMap) {
        Map<String, byte[]> copy = new java.util.LinkedHashMap<>();
        transientMap.forEach((key, value) -> copy.put(key, value.toByteArray()));
        return copy;
    }

    private static ProposalRejectedException bad(String message) {
        return new ProposalRejectedException(ValidationCode.BAD_PROPOSAL, message);
    }
}
