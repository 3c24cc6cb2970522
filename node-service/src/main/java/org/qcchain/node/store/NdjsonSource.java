package org.qcchain.node.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.qcchain.common.json.Json;
import org.qcchain.common.json.JsonInputException;

/**
 * A {@link SourceAdapter} over NDJSON (one JSON object a line, blank lines skipped), the export
 * format of {@code qcchain import}:
 *
 * <pre>{@code
 * {"subjectType":"RESIDENT_ID","subjectNumber":"370102199001011234","sequence":0,
 *  "fields":{"plate":"鲁A12345","seats":5,"mortgaged":false,"note":null}}
 * }</pre>
 *
 * <p>Field values are strings, integers, booleans or null. Lines are read lazily, so a file of
 * millions of records needs no memory for them. A bad line fails with its line number and never
 * with its content: the content holds a subject's identifier in clear.
 */
public final class NdjsonSource implements SourceAdapter {

    private static final Set<String> KEYS = Set.of("subjectType", "subjectNumber", "sequence", "fields");

    private final String datasetId;
    private final BufferedReader lines;

    /**
     * @param datasetId the dataset the records belong to
     * @param lines the NDJSON text; closed by the caller
     */
    public NdjsonSource(String datasetId, BufferedReader lines) {
        this.datasetId = datasetId;
        this.lines = lines;
    }

    @Override
    public String datasetId() {
        return datasetId;
    }

    @Override
    public Iterator<SourceRow> rows() {
        return new Iterator<>() {
            private long lineNumber;
            private SourceRow next = advance();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public SourceRow next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                SourceRow row = next;
                next = advance();
                return row;
            }

            private SourceRow advance() {
                try {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        lineNumber++;
                        if (!line.isBlank()) {
                            return row(line, lineNumber);
                        }
                    }
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read line " + (lineNumber + 1), e);
                }
            }
        };
    }

    private static SourceRow row(String line, long number) {
        JsonNode json;
        try {
            json = Json.tree(line);
        } catch (JsonInputException e) {
            throw new IllegalArgumentException("line " + number + " is not a JSON object");
        }
        if (!json.isObject()) {
            throw new IllegalArgumentException("line " + number + " is not a JSON object");
        }
        for (Map.Entry<String, JsonNode> member : json.properties()) {
            if (!KEYS.contains(member.getKey())) {
                throw new IllegalArgumentException("line " + number + ": unknown member '" + member.getKey()
                        + "'; expected " + KEYS);
            }
        }
        JsonNode sequence = json.path("sequence");
        if (!json.path("subjectType").isTextual() || !json.path("subjectNumber").isTextual()
                || !json.path("fields").isObject()
                || !(sequence.isMissingNode() || sequence.isIntegralNumber() && sequence.canConvertToLong())) {
            throw new IllegalArgumentException("line " + number
                    + " needs subjectType and subjectNumber (strings), fields (an object) and optionally sequence (an integer)");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : json.get("fields").properties()) {
            fields.put(field.getKey(), value(field.getValue(), field.getKey(), number));
        }
        return new SourceRow(json.get("subjectType").asText(), json.get("subjectNumber").asText(),
                sequence.asLong(0), fields);
    }

    private static Object value(JsonNode value, String name, long number) {
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
        throw new IllegalArgumentException("line " + number + ": field '" + name
                + "' must be a string, an integer, a boolean or null");
    }
}
