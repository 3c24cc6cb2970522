package org.qcchain.common.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Locale;
import org.qcchain.common.json.CanonicalJson;

/**
 * Field values: the JSON scalars string, integer (within ±(2^53−1)), boolean and null. Floats are
 * excluded because two programs rarely print the same float the same way; decimals travel as
 * strings.
 */
final class Scalars {

    private Scalars() {}

    /**
     * The value in its one normal form (integers as {@code LongNode}), so that equal values are
     * equal nodes.
     *
     * @throws IllegalArgumentException saying what kind of value it is instead, never the value
     */
    static JsonNode normalise(JsonNode value) {
        if (value == null) {
            throw new IllegalArgumentException("is missing (use a JSON null for an empty value)");
        }
        if (value.isTextual()) {
            checkEncodable(value);
            return value;
        }
        if (value.isBoolean() || value.isNull()) {
            return value;
        }
        if (value.isIntegralNumber()) {
            // not Math.abs: it leaves Long.MIN_VALUE negative
            if (!value.canConvertToLong() || value.longValue() > Syntax.MAX_SAFE_INTEGER
                    || value.longValue() < -Syntax.MAX_SAFE_INTEGER) {
                throw new IllegalArgumentException("is an integer beyond ±(2^53-1); use a string");
            }
            return JsonNodeFactory.instance.numberNode(value.longValue());
        }
        if (value.isNumber()) {
            throw new IllegalArgumentException("is a fractional number; use a string for decimals");
        }
        throw new IllegalArgumentException("is a JSON " + value.getNodeType().name().toLowerCase(Locale.ROOT) + ", not a string, integer, boolean or null");
    }

    private static void checkEncodable(JsonNode text) {
        try {
            CanonicalJson.serialize(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is a string without a UTF-8 encoding (unpaired surrogate)",
                    e);
        }
    }
}
