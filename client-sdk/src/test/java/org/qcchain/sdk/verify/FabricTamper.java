package org.qcchain.sdk.verify;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Base64;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.qcchain.common.answer.FabricEvidence;
import org.qcchain.sdk.examples.synthetic.FabricLedger;
import org.qcchain.sdk.examples.synthetic.FabricMember;

/** Changes to Fabric evidence, made with Fabric's own messages, as a forger would make them. */
final class FabricTamper {

    private static final Random RANDOM = new Random(99);

    private FabricTamper() {}

    static Block block(FabricEvidence evidence) {
        try {
            return Block.parseFrom(Base64.getDecoder().decode(evidence.block()));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    static FabricEvidence withBlock(FabricEvidence evidence, byte[] block) {
        return new FabricEvidence(evidence.ledger(), evidence.channel(), evidence.txId(), evidence.index(),
                Base64.getEncoder().encodeToString(block));
    }

    /** Changes the block and sends it as it is. */
    static FabricEvidence edit(FabricEvidence evidence, Consumer<Block.Builder> change) {
        Block.Builder block = block(evidence).toBuilder();
        change.accept(block);
        return withBlock(evidence, block.build().toByteArray());
    }

    /** Changes the block, sets the data hash to match, and has {@code orderer} sign it. */
    static FabricEvidence reseal(FabricEvidence evidence, FabricMember orderer, Consumer<Block.Builder> change) {
        Block.Builder block = block(evidence).toBuilder();
        change.accept(block);
        return withBlock(evidence, FabricLedger.seal(block, orderer, true, RANDOM).toByteArray());
    }

    /** Replaces the envelope at the evidence's index. */
    static Consumer<Block.Builder> envelope(FabricEvidence evidence, UnaryOperator<Envelope> change) {
        return block -> {
            try {
                Envelope envelope = Envelope.parseFrom(block.getData().getData(evidence.index()));
                block.getDataBuilder().setData(evidence.index(), change.apply(envelope).toByteString());
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** The envelope with another chaincode response payload, signed again by {@code creator} if given. */
    static UnaryOperator<Envelope> responsePayload(byte[] forged, FabricMember creator) {
        return envelope -> {
            try {
                Payload payload = Payload.parseFrom(envelope.getPayload());
                Transaction tx = Transaction.parseFrom(payload.getData());
                ChaincodeActionPayload cap = ChaincodeActionPayload.parseFrom(tx.getActions(0).getPayload());
                ProposalResponsePayload prp = ProposalResponsePayload.parseFrom(
                        cap.getAction().getProposalResponsePayload());
                ChaincodeAction action = ChaincodeAction.parseFrom(prp.getExtension());
                action = action.toBuilder().setResponse(action.getResponse().toBuilder()
                        .setPayload(ByteString.copyFrom(forged))).build();
                prp = prp.toBuilder().setExtension(action.toByteString()).build();
                cap = cap.toBuilder().setAction(cap.getAction().toBuilder()
                        .setProposalResponsePayload(prp.toByteString())).build();
                tx = tx.toBuilder().setActions(0, tx.getActions(0).toBuilder().setPayload(cap.toByteString())).build();
                ByteString newPayload = payload.toBuilder().setData(tx.toByteString()).build().toByteString();
                Envelope.Builder changed = envelope.toBuilder().setPayload(newPayload);
                if (creator != null) {
                    changed.setSignature(ByteString.copyFrom(creator.sign(newPayload.toByteArray())));
                }
                return changed.build();
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** The envelope with one byte of its first endorsement's signature changed, signed again by {@code creator}. */
    static UnaryOperator<Envelope> endorsementSignatureBroken(FabricMember creator) {
        return envelope -> {
            try {
                Payload payload = Payload.parseFrom(envelope.getPayload());
                Transaction tx = Transaction.parseFrom(payload.getData());
                ChaincodeActionPayload cap = ChaincodeActionPayload.parseFrom(tx.getActions(0).getPayload());
                var endorsement = cap.getAction().getEndorsements(0);
                byte[] signature = endorsement.getSignature().toByteArray();
                signature[signature.length - 3] ^= 0x01;
                cap = cap.toBuilder().setAction(cap.getAction().toBuilder().setEndorsements(0,
                        endorsement.toBuilder().setSignature(ByteString.copyFrom(signature)))).build();
                tx = tx.toBuilder().setActions(0, tx.getActions(0).toBuilder().setPayload(cap.toByteString())).build();
                ByteString newPayload = payload.toBuilder().setData(tx.toByteString()).build().toByteString();
                return envelope.toBuilder().setPayload(newPayload)
                        .setSignature(ByteString.copyFrom(creator.sign(newPayload.toByteArray()))).build();
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** Flips one bit of a byte string at {@code position} from its end. */
    static ByteString flip(ByteString bytes, int fromEnd) {
        byte[] changed = bytes.toByteArray();
        changed[changed.length - fromEnd] ^= 0x01;
        return ByteString.copyFrom(changed);
    }
}
