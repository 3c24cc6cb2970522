package org.qcchain.sdk.examples.synthetic;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.LastConfig;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.MetadataSignature;
import org.hyperledger.fabric.protos.common.OrdererBlockMetadata;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ChaincodeHeaderExtension;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.qcchain.common.answer.FabricEvidence;
import org.qcchain.common.answer.TransactionEvidence;

/**
 * Blocks as a Fabric 2.5 channel makes them, built with Fabric's own generated messages and
 * independently of the SDK's reader: endorser transactions (proposal hash, chaincode action with
 * response and event, endorsements over {@code prp ‖ endorser}, the creator's signature over the
 * payload), block headers whose data hash is SHA-256 of the envelopes, the orderer's signature over
 * {@code value ‖ signature_header ‖ BlockHeaderBytes}, and the transactions filter. What goes wrong
 * in a test is configured here (endorsers, creator, chaincode) or done to the finished block.
 */
public final class FabricLedger implements SyntheticChain {

    private static final HexFormat HEX = HexFormat.of();

    /** One transaction waiting for the next block. */
    private record Pending(String txId, int status, byte[] payload, String event) {}

    private final SyntheticFabric fabric;
    private final Random random;
    private final Map<String, byte[]> nonces = new HashMap<>();
    private final List<Pending> pending = new ArrayList<>();
    private final List<Block> blocks = new ArrayList<>();
    private FabricMember creator;
    private List<FabricMember> endorsers;
    private String chaincode = "qcchain";
    private String channel = SyntheticFabric.CHANNEL;
    private byte[] previousHash = new byte[32];
    private long number = 7;

    /**
     * @param fabric the channel's members
     * @param random where nonces and filler bytes come from
     */
    public FabricLedger(SyntheticFabric fabric, Random random) {
        this.fabric = fabric;
        this.random = random;
        this.creator = fabric.client();
        this.endorsers = List.of(fabric.peer(SyntheticFabric.BUREAU));
    }

    /** @return a factory of honest ledgers for {@link AnswerFactory} */
    public static SyntheticChain.Factory factory(SyntheticFabric fabric) {
        return (suite, node, random) -> new FabricLedger(fabric, random);
    }

    /**
     * @param members who endorse every following transaction
     * @return this ledger
     */
    public FabricLedger endorsers(FabricMember... members) {
        this.endorsers = List.of(members);
        return this;
    }

    /**
     * @param member who creates (submits) every following transaction
     * @return this ledger
     */
    public FabricLedger creator(FabricMember member) {
        this.creator = member;
        return this;
    }

    /**
     * @param name the chaincode every following transaction invokes
     * @return this ledger
     */
    public FabricLedger chaincode(String name) {
        this.chaincode = name;
        return this;
    }

    /**
     * @param name the channel of every following transaction
     * @return this ledger
     */
    public FabricLedger channel(String name) {
        this.channel = name;
        return this;
    }

    @Override
    public String newTxId() {
        byte[] nonce = bytes(24);
        String txId = HEX.formatHex(sha256(nonce, creator.serialized()));
        nonces.put(txId, nonce);
        return txId;
    }

    @Override
    public void add(String txId, int status, byte[] payload, String event) {
        pending.add(new Pending(txId, status, payload, event));
    }

    @Override
    public void addFiller() {
        add(newTxId(), 200, "{}".getBytes(StandardCharsets.UTF_8), "Other");
    }

    @Override
    public List<TransactionEvidence> cut(List<String> codes, Instant cutAt) {
        BlockData.Builder data = BlockData.newBuilder();
        for (Pending tx : pending) {
            data.addData(envelope(tx, cutAt.minusSeconds(1)).toByteString());
        }
        byte[] filter = new byte[pending.size()];
        for (int i = 0; i < filter.length; i++) {
            filter[i] = (byte) TxValidationCode.valueOf(codes.get(i)).getNumber();
        }
        Block.Builder block = Block.newBuilder()
                .setHeader(BlockHeader.newBuilder().setNumber(number++).setPreviousHash(ByteString.copyFrom(previousHash)))
                .setData(data)
                .setMetadata(BlockMetadata.newBuilder().addMetadata(ByteString.EMPTY)
                        .addMetadata(Metadata.newBuilder().setValue(LastConfig.newBuilder().setIndex(0).build()
                                .toByteString()).build().toByteString())
                        .addMetadata(ByteString.copyFrom(filter)).addMetadata(ByteString.EMPTY)
                        .addMetadata(ByteString.EMPTY));
        Block sealed = seal(block, fabric.orderer(), true, random);
        blocks.add(sealed);
        previousHash = sha256(headerBytes(sealed.getHeader()));
        List<TransactionEvidence> evidence = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            evidence.add(evidence(sealed, pending.get(i).txId(), i));
        }
        pending.clear();
        return evidence;
    }

    @Override
    public List<SyntheticBlock> blocks() {
        return List.of();
    }

    /** @return the blocks cut so far, as Fabric's messages */
    public List<Block> fabricBlocks() {
        return List.copyOf(blocks);
    }

    /**
     * Evidence of one transaction of a block.
     *
     * @param block the block
     * @param txId the transaction's id
     * @param index its position
     * @return the evidence a node would send
     */
    public static FabricEvidence evidence(Block block, String txId, int index) {
        return new FabricEvidence(TransactionEvidence.FABRIC, SyntheticFabric.CHANNEL, txId, index,
                Base64.getEncoder().encodeToString(block.toByteArray()));
    }

    /**
     * Finishes a block as an orderer does: optionally sets the data hash from the envelopes, then
     * signs the header and writes the SIGNATURES metadata.
     *
     * @param block the block, metadata entries 0 to 4 present
     * @param orderer who signs
     * @param setDataHash whether to set the header's data hash
     * @param random the signature header's nonce
     * @return the block
     */
    public static Block seal(Block.Builder block, FabricMember orderer, boolean setDataHash, Random random) {
        if (setDataHash) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            block.getData().getDataList().forEach(envelope -> all.writeBytes(envelope.toByteArray()));
            block.getHeaderBuilder().setDataHash(ByteString.copyFrom(sha256(all.toByteArray())));
        }
        byte[] nonce = new byte[24];
        random.nextBytes(nonce);
        ByteString value = OrdererBlockMetadata.newBuilder().setLastConfig(LastConfig.newBuilder().setIndex(0))
                .setConsenterMetadata(ByteString.copyFromUtf8("raft")).build().toByteString();
        ByteString signatureHeader = SignatureHeader.newBuilder().setCreator(ByteString.copyFrom(orderer.serialized()))
                .setNonce(ByteString.copyFrom(nonce)).build().toByteString();
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        signed.writeBytes(value.toByteArray());
        signed.writeBytes(signatureHeader.toByteArray());
        signed.writeBytes(headerBytes(block.getHeader()));
        Metadata signatures = Metadata.newBuilder().setValue(value)
                .addSignatures(MetadataSignature.newBuilder().setSignatureHeader(signatureHeader)
                        .setSignature(ByteString.copyFrom(orderer.sign(signed.toByteArray()))))
                .build();
        block.getMetadataBuilder().setMetadata(0, signatures.toByteString());
        return block.build();
    }

    /** Go's {@code asn1.Marshal} of the header, written here without the SDK's code. */
    public static byte[] headerBytes(BlockHeader header) {
        try {
            return new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                new ASN1Integer(new BigInteger(Long.toUnsignedString(header.getNumber()))),
                new DEROctetString(header.getPreviousHash().toByteArray()),
                new DEROctetString(header.getDataHash().toByteArray())}).getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Envelope envelope(Pending tx, Instant at) {
        byte[] nonce = nonces.remove(tx.txId());
        ChaincodeID id = ChaincodeID.newBuilder().setName(chaincode).setVersion("1.0").build();
        ByteString channelHeader = ChannelHeader.newBuilder().setType(HeaderType.ENDORSER_TRANSACTION_VALUE)
                .setTimestamp(Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()))
                .setChannelId(channel).setTxId(tx.txId()).setEpoch(0)
                .setExtension(ChaincodeHeaderExtension.newBuilder().setChaincodeId(id).build().toByteString())
                .build().toByteString();
        ByteString signatureHeader = SignatureHeader.newBuilder().setCreator(ByteString.copyFrom(creator.serialized()))
                .setNonce(ByteString.copyFrom(nonce)).build().toByteString();
        ByteString proposalPayload = ChaincodeProposalPayload.newBuilder().setInput(ByteString.copyFrom(bytes(40)))
                .build().toByteString();
        ChaincodeAction.Builder action = ChaincodeAction.newBuilder().setResults(ByteString.copyFrom(bytes(48)))
                .setResponse(Response.newBuilder().setStatus(tx.status()).setPayload(ByteString.copyFrom(tx.payload())))
                .setChaincodeId(id);
        if (tx.event() != null) {
            action.setEvents(ChaincodeEvent.newBuilder().setChaincodeId(chaincode).setTxId(tx.txId())
                    .setEventName(tx.event()).setPayload(ByteString.copyFrom(bytes(16))).build().toByteString());
        }
        ByteString response = ProposalResponsePayload.newBuilder()
                .setProposalHash(ByteString.copyFrom(sha256(channelHeader.toByteArray(), signatureHeader.toByteArray(),
                        proposalPayload.toByteArray())))
                .setExtension(action.build().toByteString()).build().toByteString();
        ChaincodeEndorsedAction.Builder endorsed = ChaincodeEndorsedAction.newBuilder().setProposalResponsePayload(response);
        for (FabricMember endorser : endorsers) {
            byte[] serialized = endorser.serialized();
            endorsed.addEndorsements(Endorsement.newBuilder().setEndorser(ByteString.copyFrom(serialized))
                    .setSignature(ByteString.copyFrom(endorser.sign(concat(response.toByteArray(), serialized)))));
        }
        ByteString transaction = Transaction.newBuilder().addActions(TransactionAction.newBuilder()
                .setHeader(signatureHeader).setPayload(ChaincodeActionPayload.newBuilder()
                        .setChaincodeProposalPayload(proposalPayload).setAction(endorsed).build().toByteString()))
                .build().toByteString();
        ByteString payload = Payload.newBuilder().setHeader(Header.newBuilder().setChannelHeader(channelHeader)
                .setSignatureHeader(signatureHeader)).setData(transaction).build().toByteString();
        return Envelope.newBuilder().setPayload(payload)
                .setSignature(ByteString.copyFrom(creator.sign(payload.toByteArray()))).build();
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }

    /** SHA-256 of the parts concatenated, from the JDK. */
    public static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
