package org.qcchain.ledger.embedded;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.qcchain.common.json.CanonicalJson;
import org.qcchain.common.json.Json;

/**
 * The signed part of a block, and its one byte encoding: canonical JSON (RFC 8785) of
 *
 * <pre>{@code
 * {"number": 7, "type": "TRANSACTIONS", "previousHash": "<hex>", "transactionsRoot": "<hex>",
 *  "timestamp": "2026-03-02T09:00:00.125Z", "validationCodes": ["VALID", "MVCC_READ_CONFLICT"],
 *  "genesis": {...},            // block 0 only (type GENESIS)
 *  "config": {...}}             // config blocks only (type CONFIG), which hold no transactions
 * }</pre>
 *
 * <p>The block hash is the suite's hash of these bytes and the node signs these bytes, so any
 * client recomputes both from the fields alone. Validation codes are inside the signed header (a
 * Fabric peer keeps them in unsigned block metadata), so nobody can flip a transaction to VALID.
 */
record BlockHeader(long number, byte[] previousHash, byte[] transactionsRoot, long timestampMillis,
        List<ValidationCode> validationCodes, GenesisConfig genesis, MembershipUpdate config) {

    private static final HexFormat HEX = HexFormat.of();

    BlockHeader {
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(transactionsRoot, "transactionsRoot");
        validationCodes = List.copyOf(validationCodes);
        if ((number == 0) != (genesis != null)) {
            throw new IllegalArgumentException("block 0, and only block 0, carries the genesis config");
        }
        if (config != null && (number == 0 || !validationCodes.isEmpty())) {
            throw new IllegalArgumentException("a config block is not block 0 and holds no transactions");
        }
    }

    /** A block of transactions. */
    BlockHeader(long number, byte[] previousHash, byte[] transactionsRoot, long timestampMillis,
            List<ValidationCode> validationCodes) {
        this(number, previousHash, transactionsRoot, timestampMillis, validationCodes, null, null);
    }

    BlockType type() {
        return BlockType.of(genesis != null, config != null);
    }

    /** The canonical JSON bytes that are hashed and signed. */
    byte[] bytes() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("number", number);
        node.put("type", type().name());
        node.put("previousHash", HEX.formatHex(previousHash));
        node.put("transactionsRoot", HEX.formatHex(transactionsRoot));
        node.put("timestamp", Instant.ofEpochMilli(timestampMillis).toString());
        ArrayNode codes = node.putArray("validationCodes");
        validationCodes.forEach(code -> codes.add(code.name()));
        if (genesis != null) {
            node.set("genesis", genesis.toJson());
        }
        if (config != null) {
            node.set("config", config.toJson());
        }
        return CanonicalJson.serializeUtf8(node);
    }
}
