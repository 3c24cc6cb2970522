package org.qcchain.common.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The one JSON configuration of qcchain, strict on input and deterministic on output.
 *
 * <p>Input: unknown fields, duplicate fields, {@code null} for primitives, numbers for enums,
 * fractions for integers, scalars of the wrong type (no {@code "12"} for 12, no 12 for
 * {@code "12"}), trailing content, nesting deeper than 64, strings over 1,000,000 characters and
 * numbers over 32 characters are all rejected with a {@link JsonInputException}. Output: properties
 * and map keys sorted, {@code null} properties left out. Records work without annotations.
 *
 * <pre>{@code
 * DataRequest request = Json.parse(body, DataRequest.class);
 * String stored = Json.write(record);
 * byte[] toSign = Json.canonicalBytes(request);   // RFC 8785
 * }</pre>
 */
public final class Json {

    private static final ObjectMapper MAPPER = createMapper();
    private static final JsonReading READING = new JsonReading(MAPPER);
    /** Writes trees inside objects with sorted members, as canonical JSON has them. */
    private static final ObjectWriter CANONICAL_WRITER = MAPPER.writer()
            .with(JsonNodeFeature.WRITE_PROPERTIES_SORTED);

    private Json() {}

    /**
     * The shared, configured mapper, for Jackson features not wrapped here. Do not reconfigure it:
     * every component shares it. Use {@code mapper().copy()} for a variant.
     *
     * @return the shared mapper
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Reads one JSON value of {@code type}; JSON {@code null} and empty input are rejected.
     *
     * @param <T> the result type
     * @param json the JSON text
     * @param type the class to read, typically a record
     * @return the value, never {@code null}
     * @throws JsonInputException describing what is wrong and where
     */
    public static <T> T parse(String json, Class<T> type) {
        Objects.requireNonNull(json, "json");
        return READING.read(json, MAPPER.constructType(type));
    }

    /**
     * Reads one UTF-8 encoded JSON value of {@code type}.
     *
     * @param <T> the result type
     * @param json the JSON bytes
     * @param type the class to read, typically a record
     * @return the value, never {@code null}
     * @throws JsonInputException describing what is wrong and where
     */
    public static <T> T parse(byte[] json, Class<T> type) {
        Objects.requireNonNull(json, "json");
        return READING.read(json, MAPPER.constructType(type));
    }

    /**
     * Reads one JSON value of a generic type, e.g. {@code new TypeReference<List<Entry>>() {}}.
     *
     * @param <T> the result type
     * @param json the JSON text
     * @param type the generic type to read
     * @return the value, never {@code null}
     * @throws JsonInputException describing what is wrong and where
     */
    public static <T> T parse(String json, TypeReference<T> type) {
        Objects.requireNonNull(json, "json");
        JavaType javaType = MAPPER.constructType(type);
        return READING.read(json, javaType);
    }

    /**
     * Reads any JSON value as a tree.
     *
     * @param json the JSON text
     * @return the tree; {@code "null"} gives a NullNode
     * @throws JsonInputException describing what is wrong and where
     */
    public static JsonNode tree(String json) {
        Objects.requireNonNull(json, "json");
        return READING.readTree(json);
    }

    /**
     * Writes {@code value} as compact JSON with sorted properties; not necessarily canonical (use
     * {@link #canonical} for bytes that are hashed or signed).
     *
     * @param value a record, map, list, tree or scalar
     * @return compact JSON
     * @throws IllegalArgumentException if Jackson cannot serialise the value
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot write " + typeName(value) + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The RFC 8785 canonical JSON of {@code value}, via its Jackson tree. A {@link String} is a
     * JSON string value; to canonicalise JSON text, pass {@link #tree} of it.
     *
     * @param value a record, map, list, tree or scalar
     * @return the canonical text
     * @throws IllegalArgumentException if the value contains a non-integer number or one beyond
     *     ±(2^53-1), or cannot be serialised
     */
    public static String canonical(Object value) {
        return new String(canonicalBytes(value), StandardCharsets.UTF_8);
    }

    /**
     * The RFC 8785 canonical JSON of {@code value} as UTF-8: the bytes to hash or sign.
     *
     * @param value a record, map, list, tree or scalar
     * @return UTF-8 bytes of {@link #canonical}
     * @throws IllegalArgumentException as {@link #canonical}
     */
    public static byte[] canonicalBytes(Object value) {
        Objects.requireNonNull(value, "value");
        if (value instanceof JsonNode node) {
            return CanonicalJson.serializeUtf8(node);
        }
        // straight from the serialisers when the members arrive in canonical order, as they do
        // for records and string-keyed maps; through the tree otherwise (CanonicalGenerator)
        byte[] direct = CanonicalGenerator.utf8OrNull(CANONICAL_WRITER, value);
        return direct != null ? direct : CanonicalJson.serializeUtf8(MAPPER.valueToTree(value));
    }

    private static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    private static ObjectMapper createMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(64)
                        .maxStringLength(1_000_000)
                        .maxNumberLength(32)
                        .build())
                // keep input out of Jackson's own messages: at most 40 characters of a bad token
                .errorReportConfiguration(ErrorReportConfiguration.builder()
                        .maxErrorTokenLength(40)
                        .maxRawContentLength(0)
                        .build())
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .defaultPropertyInclusion(JsonInclude.Value.construct(
                        JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
    }
}
