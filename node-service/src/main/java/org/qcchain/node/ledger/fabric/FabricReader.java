package org.qcchain.node.ledger.fabric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.peer.ProcessedTransaction;
import org.qcchain.common.answer.FabricEvidence;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.json.Json;

/**
 * Reads blocks and transactions from the gateway peer ({@link SystemQueries}) and shapes them as
 * the node serves them: {@link BlockJson} for a block, a transaction's summary with its details and
 * {@link FabricEvidence}, and the evidence alone for answers.
 */
final class FabricReader {

    private final SystemQueries queries;
    private final String channel;

    FabricReader(SystemQueries queries, String channel) {
        this.queries = queries;
        this.channel = channel;
    }

    Optional<TransactionEvidence> evidence(String txId) {
        return queries.blockBytesByTxId(txId).map(bytes -> FabricEvidences.of(channel, txId, bytes));
    }

    Optional<JsonNode> block(long number) {
        if (number < 0) {
            return Optional.empty();
        }
        return queries.block(number).map(BlockJson::of);
    }

    /**
     * {@code {txId, index, validationCode, type, blockNumber, channel, timestamp, creatorMspId,
     * chaincode, function, status, message, endorsements, event?, evidence}}.
     */
    Optional<JsonNode> transaction(String txId) {
        Optional<ProcessedTransaction> processed = queries.transaction(txId);
        Optional<byte[]> blockBytes = queries.blockBytesByTxId(txId);
        if (processed.isEmpty() || blockBytes.isEmpty()) {
            return Optional.empty();
        }
        Block block = FabricEvidences.parse(blockBytes.get(), txId);
        FabricEvidence evidence = FabricEvidences.of(channel, txId, blockBytes.get());
        TransactionSummary summary = BlockTransactions.find(block, txId).orElseThrow();
        ObjectNode node = BlockJson.summary(new TransactionSummary(summary.index(), txId, summary.type(),
                BlockTransactions.codeName(processed.get().getValidationCode())));
        node.put("blockNumber", block.getHeader().getNumber());
        EnvelopeDetails.describe(processed.get().getTransactionEnvelope(), node);
        node.set("evidence", Json.mapper().valueToTree(evidence));
        return Optional.of(node);
    }
}
