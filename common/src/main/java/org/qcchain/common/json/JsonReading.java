package org.qcchain.common.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads exactly one JSON value and turns every failure into a {@link JsonInputException}.
 *
 * <p>Empty input, top-level {@code null} (except for trees) and trailing content are checked here
 * rather than by Jackson, so each gets its own clear message.
 */
final class JsonReading {

    private final ObjectMapper mapper;
    private final ObjectReader reader;

    JsonReading(ObjectMapper mapper) {
        this.mapper = mapper;
        this.reader = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    <T> T read(String json, JavaType type) {
        try {
            return readAndClose(mapper.createParser(json), type);
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from memory failed", e);
        }
    }

    <T> T read(byte[] json, JavaType type) {
        try {
            return readAndClose(mapper.createParser(json), type);
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from memory failed", e);
        }
    }

    JsonNode readTree(String json) {
        return read(json, mapper.constructType(JsonNode.class));
    }

    /** Translates while the parser is still open: messages use its current token. */
    private <T> T readAndClose(JsonParser parser, JavaType type) throws IOException {
        try {
            return read(parser, type);
        } catch (JsonProcessingException e) {
            throw JsonErrors.translate(e);
        } finally {
            parser.close();
        }
    }

    private <T> T read(JsonParser parser, JavaType type) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new JsonInputException(
                    "empty input: expected " + JsonErrors.describe(type), "");
        }
        if (first == JsonToken.VALUE_NULL && !type.isTypeOrSubTypeOf(JsonNode.class)) {
            throw new JsonInputException("expected " + JsonErrors.describe(type) + ", got null", "");
        }
        T value = reader.forType(type).readValue(parser);
        rejectTrailingContent(parser);
        return value;
    }

    private static void rejectTrailingContent(JsonParser parser) throws IOException {
        JsonLocation where;
        try {
            if (parser.nextToken() == null) {
                return;
            }
            where = parser.currentTokenLocation();
        } catch (JsonProcessingException e) {
            where = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        }
        throw new JsonInputException("unexpected content after the JSON value at line "
                + where.getLineNr() + ", column " + where.getColumnNr(), "");
    }
}
