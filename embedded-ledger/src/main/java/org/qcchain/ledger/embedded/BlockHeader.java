package org.qcchain.ledger.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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

    /**
     * Reads header bytes back (from a {@link BlockFrame}): the fields, then a check that they
     * encode to exactly these bytes again, so what is returned is what was signed.
     *
     * @throws IllegalArgumentException if the bytes are not a canonical header
     */
    static BlockHeader parse(byte[] bytes) {
        BlockHeader header;
        try {
            JsonNode node = Json.mapper().readTree(bytes);
            List<ValidationCode> codes = new ArrayList<>();
            node.path("validationCodes").forEach(code -> codes.add(ValidationCode.valueOf(code.asText())));
            JsonNode genesis = node.get("genesis");
            JsonNode config = node.get("config");
            header = new BlockHeader(node.path("number").asLong(-1), HEX.parseHex(node.path("previousHash").asText()),
                    HEX.parseHex(node.path("transactionsRoot").asText()),
                    Instant.parse(node.path("timestamp").asText()).toEpochMilli(), codes,
                    genesis == null ? null : GenesisConfig.fromJson(genesis.toString()),
                    config == null ? null : MembershipUpdate.fromJson(config.toString()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a block header: " + e.getMessage(), e);
        }
        if (!Arrays.equals(header.bytes(), bytes)) {
            throw new IllegalArgumentException("the header bytes are not the canonical encoding of their fields");
        }
        return header;
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
