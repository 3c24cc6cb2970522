package org.qcchain.common.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Translates Jackson's exceptions into messages for the person who sent the JSON: where (a field
 * path such as {@code fields[2]}) and what (expected a string, unknown field), never more than
 * about 40 characters of the input.
 */
final class JsonErrors {

    private static final int MAX_REASON = 120;
    private static final int MAX_LISTED = 20;

    private JsonErrors() {}

    static JsonInputException translate(JsonProcessingException e) {
        StreamConstraintsException limit = causeOfType(e, StreamConstraintsException.class);
        if (limit != null) {
            return new JsonInputException(limitMessage(limit), "", e);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown);
        }
        if (e instanceof ValueInstantiationException invalid) {
            return invalidValue(invalid);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return mismatch(mismatch);
        }
        StreamReadException malformed = causeOfType(e, StreamReadException.class);
        if (malformed != null) {
            return malformed(malformed);
        }
        if (e instanceof JsonMappingException mapping) {
            return new JsonInputException(
                    prefix(mapping.getPath()) + shorten(mapping.getOriginalMessage()),
                    JsonPaths.pointer(mapping.getPath()),
                    e);
        }
        return new JsonInputException("invalid JSON: " + shorten(e.getOriginalMessage()), "", e);
    }

    /** "a string", "an integer", "one of RED, GREEN", "an object", ... */
    static String describe(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (type.isEnumType()) {
            return "one of " + enumNames(raw);
        }
        if (raw == byte[].class) {
            return "a base64 string";
        }
        if (type.isArrayType() || type.isCollectionLikeType()) {
            return "an array";
        }
        if (JsonNode.class.isAssignableFrom(raw)) {
            return "a JSON value";
        }
        return ScalarKinds.describe(raw);
    }

    private static JsonInputException unknownField(UnrecognizedPropertyException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        String message = "unknown field '" + JsonPaths.dotted(path) + "'";
        if (e.getKnownPropertyIds() != null && !e.getKnownPropertyIds().isEmpty()
                && e.getKnownPropertyIds().size() <= MAX_LISTED) {
            message += "; known fields: " + e.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
        }
        return new JsonInputException(message, JsonPaths.pointer(path), e);
    }

    private static JsonInputException invalidValue(ValueInstantiationException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String reason = cause.getMessage() != null ? cause.getMessage() : "invalid value";
        String where = e.getPath().isEmpty()
                ? "invalid " + e.getType().getRawClass().getSimpleName() + ": "
                : prefix(e.getPath());
        return new JsonInputException(where + shorten(reason), JsonPaths.pointer(e.getPath()), e);
    }

    private static JsonInputException mismatch(MismatchedInputException e) {
        JavaType target = TypeFactory.defaultInstance().constructType(e.getTargetType());
        JsonToken token = currentToken(e);
        String expected = "expected " + describe(target);
        String message;
        if (token == JsonToken.END_OBJECT && !e.getPath().isEmpty()) {
            // a required (primitive) property was absent: Jackson reports it at the closing brace
            message = "field '" + JsonPaths.dotted(e.getPath()) + "' is missing: " + expected;
        } else {
            String got = describeToken(token);
            message = prefix(e.getPath()) + expected + (got == null ? "" : ", got " + got);
        }
        return new JsonInputException(message, JsonPaths.pointer(e.getPath()), e);
    }

    private static JsonInputException malformed(StreamReadException e) {
        String reason = e instanceof JsonEOFException
                ? "unexpected end of input"
                : shorten(withoutJacksonHints(firstLine(e.getOriginalMessage())));
        JsonLocation location = e.getLocation();
        String where = location == null
                ? "malformed JSON"
                : "malformed JSON at line " + location.getLineNr() + ", column " + location.getColumnNr();
        JsonParser parser = e.getProcessor();
        String pointer = parser == null ? "" : parser.getParsingContext().pathAsPointer().toString();
        return new JsonInputException(where + ": " + reason, pointer, e);
    }

    private static String limitMessage(StreamConstraintsException e) {
        String original = String.valueOf(e.getOriginalMessage());
        if (original.contains("nesting depth")) {
            return "JSON is nested too deeply: at most 64 levels are allowed";
        }
        if (original.contains("String value length")) {
            return "a string is too long: at most 1000000 characters are allowed";
        }
        if (original.contains("Number value length")) {
            return "a number is too long: at most 32 characters are allowed";
        }
        return "JSON exceeds a size limit: " + shorten(firstLine(original));
    }

    private static String prefix(List<JsonMappingException.Reference> path) {
        return path.isEmpty() ? "" : "field '" + JsonPaths.dotted(path) + "': ";
    }

    private static JsonToken currentToken(MismatchedInputException e) {
        return e.getProcessor() instanceof JsonParser parser ? parser.currentToken() : null;
    }

    private static String describeToken(JsonToken token) {
        if (token == null) {
            return null;
        }
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a number with a fraction or exponent";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            default -> null;
        };
    }

    private static String enumNames(Class<?> enumType) {
        Object[] constants = enumType.getEnumConstants();
        String names = Arrays.stream(constants).limit(MAX_LISTED).map(String::valueOf)
                .collect(Collectors.joining(", "));
        return constants.length > MAX_LISTED ? names + ", ..." : names;
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** "Duplicate field 'a'" becomes "duplicate field 'a'"; advice to enable features is cut. */
    private static String withoutJacksonHints(String reason) {
        int hint = reason.indexOf(": enable `");
        String kept = hint < 0 ? reason : reason.substring(0, hint);
        if (kept.length() > 1 && Character.isUpperCase(kept.charAt(0))
                && Character.isLowerCase(kept.charAt(1))) {
            kept = Character.toLowerCase(kept.charAt(0)) + kept.substring(1);
        }
        return kept;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "…";
    }
}
