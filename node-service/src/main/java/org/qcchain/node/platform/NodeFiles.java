package org.qcchain.node.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.qcchain.common.io.DurableFiles;
import org.qcchain.common.io.DurableFiles.Access;
import org.qcchain.common.json.Json;
import org.qcchain.common.json.JsonInputException;
import org.qcchain.node.config.ConfigException;
import org.qcchain.node.ledger.LedgerIdentity;

/**
 * The node's own files in the data folder: {@code node/node.pem} and {@code node/node.key} (its
 * identity) and {@code node/genesis.json} (its MSP id and the ledger's genesis channel
 * membership). The embedded ledger refuses to open unless it is given the same genesis membership
 * it was created with, and block 0 is not readable before opening; so the node writes what it
 * created the ledger with next to its key, once.
 */
final class NodeFiles {

    static final String GENESIS = "genesis.json";

    private NodeFiles() {}

    static Path folder(Path dataDir) {
        return dataDir.resolve("node");
    }

    static void writeGenesis(Path dataDir, String nodeMspId, Map<String, List<String>> members) {
        ObjectNode genesis = Json.mapper().createObjectNode().put("nodeMspId", nodeMspId);
        ObjectNode byMsp = genesis.putObject("genesisMembers");
        // sorted, so that the same membership always writes the same file
        new TreeMap<>(members).forEach((mspId, pems) -> {
            ArrayNode cas = byMsp.putArray(mspId);
            pems.forEach(cas::add);
        });
        Path file = folder(dataDir).resolve(GENESIS);
        try {
            // forced to the disk before the ledger is created with it: the ledger opens only with it
            DurableFiles.replace(file, (Json.write(genesis) + "\n").getBytes(StandardCharsets.UTF_8), Access.DEFAULT);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file, e);
        }
    }

    static LedgerIdentity readNode(Path dataDir) throws ConfigException {
        Path folder = folder(dataDir);
        return IdentityFiles.read(genesis(dataDir).path("nodeMspId").asText(), folder.resolve("node.pem"),
                folder.resolve("node.key"));
    }

    static Map<String, List<String>> readGenesisMembers(Path dataDir) throws ConfigException {
        Map<String, List<String>> members = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : genesis(dataDir).path("genesisMembers").properties()) {
            List<String> pems = new ArrayList<>();
            entry.getValue().forEach(pem -> pems.add(pem.asText()));
            members.put(entry.getKey(), pems);
        }
        return members;
    }

    private static JsonNode genesis(Path dataDir) throws ConfigException {
        Path file = folder(dataDir).resolve(GENESIS);
        try {
            JsonNode genesis = Json.tree(Files.readString(file));
            if (genesis.path("nodeMspId").asText("").isEmpty() || !genesis.path("genesisMembers").isObject()) {
                throw new ConfigException(file + " has no nodeMspId or genesisMembers");
            }
            return genesis;
        } catch (IOException | JsonInputException e) {
            throw new ConfigException("cannot read " + file + " (written when the ledger was created): "
                    + e.getMessage(), e);
        }
    }
}
