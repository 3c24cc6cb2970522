package org.qcchain.node.ledger.fabric;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Config;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigValue;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.MSPConfig;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.ChaincodeInput;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeSpec;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.qcchain.common.crypto.CertificateAuthority;
import org.qcchain.common.crypto.CertificateProfile;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.crypto.Pem;

/**
 * A Fabric channel's blocks made in memory with the fabric-protos builders and Bouncy Castle keys,
 * laid out as a Fabric 2.5 peer stores them: a genesis block holding a CONFIG envelope with the
 * organisations' MSPs, then blocks of endorser transactions whose envelopes are signed by their
 * creator and endorsed by a peer, hash-chained (DER header hash), with the committing peer's
 * validation codes in the {@code TRANSACTIONS_FILTER} metadata.
 */
final class TestChannel {

    static final String CHANNEL = "datashare";
    static final String CHAINCODE = "qcchain";
    private static final CryptoSuite SUITE = CryptoSuite.P256_SHA256;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    final CertificateAuthority bureauCa = ca("BureauMSP");
    final CertificateAuthority bankCa = ca("BankMSP");
    final Identity bureauClient = member(bureauCa, "client", "BureauMSP");
    final Identity bankClient = member(bankCa, "client", "BankMSP");
    final Identity bureauPeer = member(bureauCa, "peer", "BureauMSP");
    private int nonce;

    private static CertificateAuthority ca(String mspId) {
        return CertificateAuthority.createRoot(SUITE, "CN=ca." + mspId.toLowerCase() + ",O=" + mspId + ",C=CN", START,
                Duration.ofDays(3650));
    }

    private static Identity member(CertificateAuthority ca, String ou, String mspId) {
        return ca.issueIdentity("CN=" + ou + "." + mspId.toLowerCase() + ",OU=" + ou + ",O=" + mspId + ",C=CN",
                CertificateProfile.CLIENT, START, Duration.ofDays(365));
    }

    /** A call of the chaincode as the given member, endorsed by the Bureau's peer; its txId is Fabric's. */
    Envelope endorserTransaction(String mspId, Identity creator, String function, String event) {
        ByteString creatorBytes = serialized(mspId, creator);
        ByteString nonceBytes = ByteString.copyFromUtf8("nonce-" + nonce++);
        String txId = HexFormat.of().formatHex(SUITE.hash(nonceBytes.concat(creatorBytes).toByteArray()));
        SignatureHeader signatureHeader = SignatureHeader.newBuilder().setCreator(creatorBytes).setNonce(nonceBytes)
                .build();
        ChaincodeID chaincode = ChaincodeID.newBuilder().setName(CHAINCODE).setVersion("1").build();
        ChaincodeAction action = ChaincodeAction.newBuilder()
                .setResults(ByteString.copyFromUtf8("rwset"))
                .setEvents(ChaincodeEvent.newBuilder().setChaincodeId(CHAINCODE).setTxId(txId).setEventName(event)
                        .setPayload(ByteString.copyFromUtf8("{\"mspId\":\"" + mspId + "\"}")).build().toByteString())
                .setResponse(Response.newBuilder().setStatus(200).setMessage("")
                        .setPayload(ByteString.copyFromUtf8("{\"ok\":true}")))
                .setChaincodeId(chaincode).build();
        ByteString responsePayload = ProposalResponsePayload.newBuilder()
                .setProposalHash(ByteString.copyFrom(SUITE.hash(txId.getBytes(StandardCharsets.UTF_8))))
                .setExtension(action.toByteString()).build().toByteString();
        Endorsement endorsement = Endorsement.newBuilder().setEndorser(serialized("BureauMSP", bureauPeer))
                .setSignature(ByteString.copyFrom(bureauPeer.sign(responsePayload.concat(
                        serialized("BureauMSP", bureauPeer)).toByteArray()))).build();
        ChaincodeInvocationSpec invocation = ChaincodeInvocationSpec.newBuilder().setChaincodeSpec(
                ChaincodeSpec.newBuilder().setChaincodeId(chaincode).setInput(ChaincodeInput.newBuilder()
                        .addArgs(ByteString.copyFromUtf8(function)).addArgs(ByteString.copyFromUtf8("{}")))).build();
        ChaincodeActionPayload actionPayload = ChaincodeActionPayload.newBuilder()
                .setChaincodeProposalPayload(ChaincodeProposalPayload.newBuilder()
                        .setInput(invocation.toByteString()).build().toByteString())
                .setAction(ChaincodeEndorsedAction.newBuilder().setProposalResponsePayload(responsePayload)
                        .addEndorsements(endorsement)).build();
        Transaction transaction = Transaction.newBuilder().addActions(TransactionAction.newBuilder()
                .setHeader(signatureHeader.toByteString()).setPayload(actionPayload.toByteString())).build();
        return signed(creator, Payload.newBuilder()
                .setHeader(header(HeaderType.ENDORSER_TRANSACTION, txId, signatureHeader))
                .setData(transaction.toByteString()).build());
    }

    /** The genesis block's CONFIG envelope: both organisations with their root CAs. */
    Envelope configTransaction() {
        ConfigGroup.Builder application = ConfigGroup.newBuilder();
        application.putGroups("BureauMSP", organisation("BureauMSP", bureauCa));
        application.putGroups("BankMSP", organisation("BankMSP", bankCa));
        Config config = Config.newBuilder().setSequence(0).setChannelGroup(ConfigGroup.newBuilder()
                .putGroups("Application", application.build())).build();
        SignatureHeader signatureHeader = SignatureHeader.newBuilder()
                .setCreator(serialized("BureauMSP", bureauClient)).setNonce(ByteString.copyFromUtf8("genesis")).build();
        return signed(bureauClient, Payload.newBuilder().setHeader(header(HeaderType.CONFIG, "", signatureHeader))
                .setData(ConfigEnvelope.newBuilder().setConfig(config).build().toByteString()).build());
    }

    static Config configOf(Envelope envelope) throws Exception {
        return ConfigEnvelope.parseFrom(Payload.parseFrom(envelope.getPayload()).getData()).getConfig();
    }

    private static ConfigGroup organisation(String mspId, CertificateAuthority ca) {
        FabricMSPConfig msp = FabricMSPConfig.newBuilder().setName(mspId)
                .addRootCerts(ByteString.copyFromUtf8(Pem.toPem(ca.certificate()))).build();
        MSPConfig value = MSPConfig.newBuilder().setType(0).setConfig(msp.toByteString()).build();
        return ConfigGroup.newBuilder().putValues("MSP", ConfigValue.newBuilder().setValue(value.toByteString())
                .build()).build();
    }

    /** A committed block after {@code previous} (null for block 0), with one code per envelope. */
    static Block block(Block previous, List<Envelope> envelopes, List<TxValidationCode> codes) {
        BlockData.Builder data = BlockData.newBuilder();
        envelopes.forEach(envelope -> data.addData(envelope.toByteString()));
        long number = previous == null ? 0 : previous.getHeader().getNumber() + 1;
        ByteString previousHash = previous == null ? ByteString.EMPTY
                : ByteString.copyFrom(BlockHashes.headerHash(previous.getHeader()));
        BlockHeader header = BlockHeader.newBuilder().setNumber(number).setPreviousHash(previousHash)
                .setDataHash(ByteString.copyFrom(BlockHashes.dataHash(data.build()))).build();
        byte[] filter = new byte[codes.size()];
        for (int i = 0; i < filter.length; i++) {
            filter[i] = (byte) codes.get(i).getNumber();
        }
        List<ByteString> metadata = new ArrayList<>(List.of(ByteString.EMPTY, ByteString.EMPTY,
                ByteString.copyFrom(filter), ByteString.EMPTY, ByteString.EMPTY));
        return Block.newBuilder().setHeader(header).setData(data)
                .setMetadata(BlockMetadata.newBuilder().addAllMetadata(metadata)).build();
    }

    static String txIdOf(Envelope envelope) throws Exception {
        return ChannelHeader.parseFrom(Payload.parseFrom(envelope.getPayload()).getHeader().getChannelHeader())
                .getTxId();
    }

    private static Header header(HeaderType type, String txId, SignatureHeader signatureHeader) {
        ChannelHeader channelHeader = ChannelHeader.newBuilder().setType(type.getNumber()).setChannelId(CHANNEL)
                .setTxId(txId).setTimestamp(Timestamp.newBuilder().setSeconds(START.getEpochSecond()))
                .build();
        return Header.newBuilder().setChannelHeader(channelHeader.toByteString())
                .setSignatureHeader(signatureHeader.toByteString()).build();
    }

    private static Envelope signed(Identity creator, Payload payload) {
        ByteString bytes = payload.toByteString();
        return Envelope.newBuilder().setPayload(bytes)
                .setSignature(ByteString.copyFrom(creator.sign(bytes.toByteArray()))).build();
    }

    static ByteString serialized(String mspId, Identity identity) {
        return SerializedIdentity.newBuilder().setMspid(mspId)
                .setIdBytes(ByteString.copyFromUtf8(identity.certificatePem())).build().toByteString();
    }
}
