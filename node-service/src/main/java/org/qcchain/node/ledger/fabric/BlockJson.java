package org.qcchain.node.ledger.fabric;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.HexFormat;
import org.hyperledger.fabric.protos.common.Block;
import org.qcchain.common.json.Json;

/**
 * A Fabric block as {@code GET /v1/blocks/{n}} shows it (docs/fabric.md, "Blocks and
 * transactions"):
 *
 * <pre>{@code
 * {"ledger": "fabric", "number": 7,
 *  "hash": "<hex: SHA-256 of the DER header, as the next block's previousHash names it>",
 *  "previousHash": "<hex>", "dataHash": "<hex: SHA-256 of the envelopes>",
 *  "transactions": [{"txId": "...", "index": 0, "validationCode": "VALID", "type": "ENDORSER_TRANSACTION"}],
 *  "block": "<base64 of the common.Block protobuf>"}
 * }</pre>
 *
 * The raw block is there so that an auditor can check what the summary says (orderer signature,
 * envelopes, endorsements) with Fabric's own tools, without trusting the node's reading.
 */
final class BlockJson {

    private static final HexFormat HEX = HexFormat.of();

    private BlockJson() {}

    static ObjectNode of(Block block) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("ledger", FabricLedgerBackend.KIND);
        node.put("number", block.getHeader().getNumber());
        node.put("hash", HEX.formatHex(BlockHashes.headerHash(block.getHeader())));
        node.put("previousHash", HEX.formatHex(block.getHeader().getPreviousHash().toByteArray()));
        node.put("dataHash", HEX.formatHex(block.getHeader().getDataHash().toByteArray()));
        ArrayNode transactions = node.putArray("transactions");
        for (TransactionSummary tx : BlockTransactions.of(block)) {
            transactions.add(summary(tx));
        }
        node.put("block", Base64.getEncoder().encodeToString(block.toByteArray()));
        return node;
    }

    static ObjectNode summary(TransactionSummary tx) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("txId", tx.txId());
        node.put("index", tx.index());
        node.put("validationCode", tx.validationCode());
        node.put("type", tx.type());
        return node;
    }
}
