package org.qcchain.node.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.qcchain.common.json.Json;
import org.qcchain.common.json.JsonInputException;

/**
 * Reads a {@link NodeConfig}: the {@linkplain NodeConfig#defaults() defaults}, then the JSON file
 * (objects merge key by key, anything else replaces), then the environment variables of
 * {@link #environmentVariables()}. The result is read strictly: an unknown key (a typo) or a
 * value of the wrong type is an error, not silently ignored. Relative paths in the result are
 * relative to the working directory.
 *
 * <pre>{@code
 * NodeConfig config = NodeConfigLoader.load(Path.of("node.json"), System.getenv());
 * }</pre>
 */
public final class NodeConfigLoader {

    /** Larger files are not configuration; refuse before reading them into memory. */
    private static final long MAX_FILE_BYTES = 1024 * 1024;

    private NodeConfigLoader() {}

    /**
     * Loads the configuration.
     *
     * @param file the JSON file, or {@code null} for defaults and environment only
     * @param env the environment, usually {@code System.getenv()}
     * @return the checked configuration
     * @throws ConfigException naming the file or variable, and the key, that is wrong
     */
    public static NodeConfig load(Path file, Map<String, String> env) throws ConfigException {
        ObjectNode tree = Json.mapper().valueToTree(NodeConfig.defaults());
        String source = "defaults";
        if (file != null) {
            merge(tree, readFile(file));
            source = "config file " + file;
        }
        EnvOverrides.apply(tree, env);
        if (EnvOverrides.VARIABLES.keySet().stream().anyMatch(env::containsKey)) {
            source += " with environment overrides";
        }
        try {
            return Json.parse(Json.write(tree), NodeConfig.class);
        } catch (JsonInputException e) {
            throw new ConfigException(source + ": " + e.getMessage(), e);
        }
    }

    /**
     * The environment variables that override keys, each with the JSON Pointer of its key.
     *
     * @return variable name to key, in documentation order
     */
    public static Map<String, String> environmentVariables() {
        return EnvOverrides.VARIABLES;
    }

    private static ObjectNode readFile(Path file) throws ConfigException {
        String text;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ConfigException("config file " + file + " is larger than 1 MiB");
            }
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e, e);
        }
        JsonNode node;
        try {
            node = Json.tree(text);
        } catch (JsonInputException e) {
            throw new ConfigException("config file " + file + ": " + e.getMessage(), e);
        }
        if (!node.isObject()) {
            throw new ConfigException("config file " + file + " must hold a JSON object");
        }
        return (ObjectNode) node;
    }

    /** Merges {@code overlay} into {@code base}: objects key by key, other values replace. */
    private static void merge(ObjectNode base, ObjectNode overlay) {
        Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = base.get(field.getKey());
            if (existing instanceof ObjectNode baseObject && field.getValue() instanceof ObjectNode next) {
                merge(baseObject, next);
            } else {
                base.set(field.getKey(), field.getValue());
            }
        }
    }
}
