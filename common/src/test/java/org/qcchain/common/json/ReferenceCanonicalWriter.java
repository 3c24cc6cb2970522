package org.qcchain.common.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The earlier canonical writer, which built the text in a {@link StringBuilder}, kept unchanged as
 * the oracle that {@link CanonicalWriter} must match byte for byte: signatures and hashes already on
 * ledgers were made over its output.
 */
final class ReferenceCanonicalWriter {

    /** 2^53 − 1: the largest integer an IEEE 754 double holds exactly. */
    private static final long MAX_EXACT = (1L << 53) - 1;

    private static final BigInteger MAX_EXACT_BIG = BigInteger.valueOf(MAX_EXACT);
    private static final int MAX_DEPTH = 1000;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out;

    private ReferenceCanonicalWriter(StringBuilder out) {
        this.out = out;
    }

    /** The canonical text of {@code node}, as {@code CanonicalJson.serialize} used to write it. */
    static String serialize(JsonNode node) {
        StringBuilder out = new StringBuilder(64);
        new ReferenceCanonicalWriter(out).write(node, 0);
        return out.toString();
    }

    private void write(JsonNode node, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("JSON nested deeper than " + MAX_DEPTH + " levels");
        }
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, depth);
            case ARRAY -> writeArray(node, depth);
            case STRING -> writeString(node.textValue());
            case BINARY -> writeString(node.asText());
            case NUMBER -> writeNumber(node);
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException(
                    "a " + node.getNodeType() + " node has no JSON form");
        }
    }

    private void writeObject(JsonNode node, int depth) {
        List<String> names = new ArrayList<>(node.size());
        node.fieldNames().forEachRemaining(names::add);
        // String.compareTo compares UTF-16 code units, exactly the order RFC 8785 asks for
        Collections.sort(names);
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(names.get(i));
            out.append(':');
            write(node.get(names.get(i)), depth + 1);
        }
        out.append('}');
    }

    private void writeArray(JsonNode node, int depth) {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(node.get(i), depth + 1);
        }
        out.append(']');
    }

    private void writeString(String text) {
        out.append('"');
        // most strings (ids, hex, base64) need no escape: copy runs of plain characters in one call
        int run = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            out.append(text, run, i);
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("string contains an unpaired UTF-16 surrogate at index " + i);
            } else {
                appendEscaped(c);
            }
            run = i + 1;
        }
        out.append(text, run, length);
        out.append('"');
    }

    private void appendEscaped(char c) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
        }
    }

    private void writeNumber(JsonNode node) {
        if (node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            if (value.abs().compareTo(MAX_EXACT_BIG) > 0) {
                throw new IllegalArgumentException(
                        "integers beyond ±(2^53−1) are not used in signed data; write them as strings");
            }
            out.append(value);
        } else if (node.isBigDecimal()) {
            out.append(integerOf(node.decimalValue()));
        } else {
            out.append(integerOf(node.doubleValue()));
        }
    }

    private static long integerOf(double value) {
        if (!Double.isFinite(value) || value != Math.rint(value) || Math.abs(value) > MAX_EXACT) {
            throw nonInteger();
        }
        return (long) value;
    }

    private static BigInteger integerOf(BigDecimal value) {
        if (value.signum() == 0) {
            return BigInteger.ZERO;
        }
        // integer digits = precision − scale; more than 16 cannot be within 2^53 − 1
        if (value.precision() - value.scale() > 16) {
            throw nonInteger();
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 0 || stripped.toBigInteger().abs().compareTo(MAX_EXACT_BIG) > 0) {
            throw nonInteger();
        }
        return stripped.toBigInteger();
    }

    private static IllegalArgumentException nonInteger() {
        return new IllegalArgumentException("non-integer numbers are not used in signed data");
    }
}
