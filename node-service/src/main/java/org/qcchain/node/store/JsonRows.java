package org.qcchain.node.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads one record written as JSON, the shape of an NDJSON line and of a single-record upload:
 * {@code {"subjectType", "subjectNumber", "sequence"?, "version"?, "fields": {...}}}, field values
 * strings, integers, booleans or null. Errors name the place and never the content.
 */
final class JsonRows {

    private static final Set<String> KEYS = Set.of("subjectType", "subjectNumber", "sequence", "version",
            "fields");

    private JsonRows() {}

    /**
     * The row of a JSON object.
     *
     * @param json the parsed value
     * @param place where it came from, e.g. {@code "line 4"}
     * @throws IllegalArgumentException naming the place and the rule broken
     */
    static SourceRow row(JsonNode json, String place) {
        if (!json.isObject()) {
            throw new IllegalArgumentException(place + " is not a JSON object");
        }
        for (Map.Entry<String, JsonNode> member : json.properties()) {
            if (!KEYS.contains(member.getKey())) {
                throw new IllegalArgumentException(place + ": unknown member '" + member.getKey()
                        + "'; expected " + new java.util.TreeSet<>(KEYS));
            }
        }
        JsonNode sequence = json.path("sequence");
        JsonNode version = json.path("version");
        if (!json.path("subjectType").isTextual() || !json.path("subjectNumber").isTextual()
                || !json.path("fields").isObject() || !optionalLong(sequence) || !optionalLong(version)) {
            throw new IllegalArgumentException(place + " needs subjectType and subjectNumber (strings), fields "
                    + "(an object) and optionally sequence and version (integers)");
        }
        if (version.isIntegralNumber() && version.asLong() < 1) {
            throw new IllegalArgumentException(place + ": version must be at least 1");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : json.get("fields").properties()) {
            fields.put(field.getKey(), value(field.getValue(), field.getKey(), place));
        }
        return new SourceRow(json.get("subjectType").asText(), json.get("subjectNumber").asText(),
                sequence.asLong(0), version.isMissingNode() ? null : version.asLong(), fields);
    }

    private static boolean optionalLong(JsonNode node) {
        return node.isMissingNode() || node.isIntegralNumber() && node.canConvertToLong();
    }

    private static Object value(JsonNode value, String name, String place) {
        if (value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        throw new IllegalArgumentException(place + ": field '" + name
                + "' must be a string, an integer, a boolean or null (decimals as strings)");
    }
}
