package org.qcchain.node.ledger.fabric;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Base64;
import org.hyperledger.fabric.protos.common.Block;
import org.qcchain.common.answer.FabricEvidence;
import org.qcchain.common.answer.TransactionEvidence;

/**
 * Builds the {@link FabricEvidence} of a transaction from the block the peer says holds it: the
 * block's bytes exactly as the peer returned them (the orderer signed its header; re-encoding
 * could change bytes), and the index of the envelope whose channel header names the transaction.
 * A block that does not hold the transaction is a peer fault, refused here rather than sent.
 */
final class FabricEvidences {

    private FabricEvidences() {}

    /**
     * @param channel the channel
     * @param txId the transaction
     * @param blockBytes the {@code common.Block} bytes from {@code qscc GetBlockByTxID}
     * @return the evidence
     * @throws IllegalStateException if the bytes are no block, or the block does not hold the
     *     transaction
     */
    static FabricEvidence of(String channel, String txId, byte[] blockBytes) {
        Block block = parse(blockBytes, txId);
        TransactionSummary tx = BlockTransactions.find(block, txId).orElseThrow(() -> new IllegalStateException(
                "block " + block.getHeader().getNumber() + " does not hold transaction " + txId));
        return new FabricEvidence(TransactionEvidence.FABRIC, channel, txId, tx.index(),
                Base64.getEncoder().encodeToString(blockBytes));
    }

    static Block parse(byte[] blockBytes, String txId) {
        try {
            return Block.parseFrom(blockBytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("the block of transaction " + txId + " does not parse: "
                    + e.getMessage(), e);
        }
    }
}
