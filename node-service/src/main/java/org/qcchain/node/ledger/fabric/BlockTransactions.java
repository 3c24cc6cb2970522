package org.qcchain.node.ledger.fabric;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * Reads the envelopes of a Fabric block: each one's channel header (transaction id, type) and the
 * validation code the committing peer wrote into the block's {@code TRANSACTIONS_FILTER} metadata
 * (one byte per envelope, a {@code TxValidationCode}). An envelope that cannot be parsed is listed
 * with an empty id and type {@code UNREADABLE}, never skipped, so indexes stay those of the block.
 */
final class BlockTransactions {

    /** The type of an envelope whose payload or channel header does not parse. */
    static final String UNREADABLE = "UNREADABLE";

    private BlockTransactions() {}

    /** @return every envelope of the block, in block order */
    static List<TransactionSummary> of(Block block) {
        List<TransactionSummary> all = new ArrayList<>(block.getData().getDataCount());
        for (int i = 0; i < block.getData().getDataCount(); i++) {
            all.add(summary(block, i));
        }
        return all;
    }

    /** @return the envelope whose channel header names {@code txId}, if the block holds it */
    static Optional<TransactionSummary> find(Block block, String txId) {
        for (int i = 0; i < block.getData().getDataCount(); i++) {
            TransactionSummary summary = summary(block, i);
            if (summary.txId().equals(txId)) {
                return Optional.of(summary);
            }
        }
        return Optional.empty();
    }

    /**
     * The peer's validation code of one envelope.
     *
     * @return the code's name; {@code NOT_VALIDATED} when the block carries no code for it (a
     *     block not yet committed by a peer, e.g. as the orderer delivers it); {@code CODE_n} for
     *     a number this client does not know
     */
    static String validationCode(Block block, int index) {
        int field = BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE;
        if (block.getMetadata().getMetadataCount() <= field) {
            return TxValidationCode.NOT_VALIDATED.name();
        }
        ByteString filter = block.getMetadata().getMetadata(field);
        if (filter.size() <= index) {
            return TxValidationCode.NOT_VALIDATED.name();
        }
        return codeName(filter.byteAt(index) & 0xff);
    }

    /** @return the name of a validation code number */
    static String codeName(int number) {
        TxValidationCode code = TxValidationCode.forNumber(number);
        return code == null ? "CODE_" + number : code.name();
    }

    /** @return the channel header of an envelope, or empty if it does not parse */
    static Optional<ChannelHeader> channelHeader(ByteString envelopeBytes) {
        try {
            Payload payload = Payload.parseFrom(Envelope.parseFrom(envelopeBytes).getPayload());
            return Optional.of(ChannelHeader.parseFrom(payload.getHeader().getChannelHeader()));
        } catch (InvalidProtocolBufferException e) {
            return Optional.empty();
        }
    }

    private static TransactionSummary summary(Block block, int index) {
        Optional<ChannelHeader> header = channelHeader(block.getData().getData(index));
        String txId = header.map(ChannelHeader::getTxId).orElse("");
        String type = header.map(BlockTransactions::typeName).orElse(UNREADABLE);
        return new TransactionSummary(index, txId, type, validationCode(block, index));
    }

    private static String typeName(ChannelHeader header) {
        HeaderType type = HeaderType.forNumber(header.getType());
        return type == null ? "TYPE_" + header.getType() : type.name();
    }
}
