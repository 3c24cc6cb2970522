package org.qcchain.node.ledger.fabric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.HexFormat;
import org.hyperledger.fabric.protos.common.Block;
import org.qcchain.common.json.Json;
import org.qcchain.node.ledger.VerifyProgress;

/**
 * Walks a Fabric chain from block 0 as the gateway peer serves it and checks what a client can
 * check without the peer's state database: each block's number, its data hash against its
 * envelopes, its previous hash against the header hash of the block before, and the last block's
 * hash against the peer's chain info. It does <b>not</b> replay transactions (the world state is in
 * the peers, not in the node) nor check signatures and endorsements (that takes the channel's MSP
 * configuration; the SDK's evidence verifier does it per transaction).
 *
 * <p>The report has the shape of the embedded ledger's: {@code {intact: true, height,
 * transactions, validTransactions, checked}} or {@code {intact: false, height, block, problem}}.
 */
final class ChainCheck {

    /** What an intact report says was checked, so nobody reads more into it. */
    static final String CHECKED = "block numbers, data hashes and the previous-hash chain of the blocks"
            + " the gateway peer serves; not signatures, endorsements or state";

    private static final HexFormat HEX = HexFormat.of();
    private static final int PROGRESS_EVERY = 100;

    /** Where the blocks come from: the peer in production, a list in tests. */
    @FunctionalInterface
    interface BlockSource {
        /** @return block {@code number}, which must exist below the height being checked */
        Block block(long number);
    }

    private ChainCheck() {}

    /**
     * @param source the blocks
     * @param height how many blocks to check, from 0
     * @param lastBlockHash the hash the peer reports for block {@code height - 1}
     * @param progress hears how far the walk has come
     * @return the report
     */
    static JsonNode run(BlockSource source, long height, byte[] lastBlockHash, VerifyProgress progress) {
        byte[] previous = null;
        long transactions = 0;
        long valid = 0;
        for (long number = 0; number < height; number++) {
            Block block = source.block(number);
            String problem = problem(block, number, previous);
            if (problem != null) {
                return broken(height, number, problem);
            }
            previous = BlockHashes.headerHash(block.getHeader());
            for (TransactionSummary tx : BlockTransactions.of(block)) {
                transactions++;
                valid += tx.isValid() ? 1 : 0;
            }
            if ((number + 1) % PROGRESS_EVERY == 0 || number + 1 == height) {
                progress.onProgress(number + 1, height);
            }
        }
        if (height > 0 && !Arrays.equals(previous, lastBlockHash)) {
            return broken(height, height - 1, "the peer's chain info names block hash " + HEX.formatHex(lastBlockHash)
                    + ", the block's header hashes to " + HEX.formatHex(previous));
        }
        ObjectNode report = Json.mapper().createObjectNode();
        report.put("intact", true);
        report.put("height", height);
        report.put("transactions", transactions);
        report.put("validTransactions", valid);
        report.put("checked", CHECKED);
        return report;
    }

    /** @return what is wrong with block {@code number}, or {@code null} */
    static String problem(Block block, long number, byte[] previousHeaderHash) {
        if (block.getHeader().getNumber() != number) {
            return "block " + number + " says it is number " + block.getHeader().getNumber();
        }
        byte[] dataHash = BlockHashes.dataHash(block.getData());
        if (!Arrays.equals(dataHash, block.getHeader().getDataHash().toByteArray())) {
            return "the header's data hash " + HEX.formatHex(block.getHeader().getDataHash().toByteArray())
                    + " is not the hash of the block's " + block.getData().getDataCount() + " envelopes ("
                    + HEX.formatHex(dataHash) + ")";
        }
        if (previousHeaderHash != null
                && !Arrays.equals(previousHeaderHash, block.getHeader().getPreviousHash().toByteArray())) {
            return "the previous hash " + HEX.formatHex(block.getHeader().getPreviousHash().toByteArray())
                    + " is not the header hash of block " + (number - 1) + " (" + HEX.formatHex(previousHeaderHash)
                    + ")";
        }
        return null;
    }

    private static JsonNode broken(long height, long number, String problem) {
        ObjectNode report = Json.mapper().createObjectNode();
        report.put("intact", false);
        report.put("height", height);
        report.put("block", number);
        report.put("problem", problem);
        return report;
    }
}
