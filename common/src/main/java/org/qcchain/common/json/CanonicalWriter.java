package org.qcchain.common.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes one RFC 8785 document straight as UTF-8 bytes; see {@link CanonicalJson} for the rules.
 * Single use.
 *
 * <p>Almost every caller hashes or signs the result, so there is no text in between: each string is
 * encoded once, and the ASCII strings that make up most signed data (ids, hex, base64, PEM) are
 * copied in runs from {@link String#getBytes}, the JDK's fastest encoding path.
 */
final class CanonicalWriter {

    /** 2^53 − 1: the largest integer an IEEE 754 double holds exactly. */
    private static final long MAX_EXACT = (1L << 53) - 1;

    private static final BigInteger MAX_EXACT_BIG = BigInteger.valueOf(MAX_EXACT);
    private static final int MAX_DEPTH = 1000;
    /** The largest byte array the JVM reliably allocates, as in the JDK's own buffers. */
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    private static final byte[] HEX = ascii("0123456789abcdef");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    private static final byte[] NULL = ascii("null");

    /**
     * The bytes of an ASCII string that need a second look: those JSON escapes, and {@code '?'},
     * which may stand for an unpaired surrogate. One table lookup per byte is the fastest scan here.
     */
    private static final boolean[] TO_CHECK = new boolean[256];

    static {
        for (int c = 0; c < 0x20; c++) {
            TO_CHECK[c] = true;
        }
        TO_CHECK['"'] = true;
        TO_CHECK['\\'] = true;
        TO_CHECK['?'] = true;
    }

    private static final Comparator<Map.Entry<String, JsonNode>> BY_NAME = Map.Entry.comparingByKey();

    private static final int FIRST_CAPACITY = 256;
    /**
     * The largest buffer a thread keeps between documents: a signed answer or a block of records is
     * tens of KB, and growing a fresh buffer from 256 bytes for each was ~3 % of the node's worker
     * time; a rare huge document does not pin its buffer to the thread.
     */
    private static final int KEPT_CAPACITY = 1 << 20;
    /** One writer per thread, its buffer reused; {@link #utf8} never calls itself. */
    private static final ThreadLocal<CanonicalWriter> WRITERS = ThreadLocal.withInitial(CanonicalWriter::new);

    private byte[] bytes = new byte[FIRST_CAPACITY];
    private int count;

    private CanonicalWriter() {}

    /**
     * A writer of its own, not the thread's: for {@link CanonicalGenerator}, whose caller's
     * serialisers might themselves ask for canonical bytes while it writes.
     */
    static CanonicalWriter standalone() {
        return new CanonicalWriter();
    }

    /** What this writer holds so far. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, count);
    }

    /** Whether an integer is within ±(2^53−1), the only integers signed data uses. */
    static boolean isExact(long value) {
        return value >= -MAX_EXACT && value <= MAX_EXACT;
    }

    void writeBoolean(boolean value) {
        append(value ? TRUE : FALSE);
    }

    void writeNull() {
        append(NULL);
    }

    /** The canonical UTF-8 bytes of {@code node}. */
    static byte[] utf8(JsonNode node) {
        CanonicalWriter writer = WRITERS.get();
        writer.count = 0;
        try {
            writer.write(node, 0);
            return Arrays.copyOf(writer.bytes, writer.count);
        } finally {
            if (writer.bytes.length > KEPT_CAPACITY) {
                writer.bytes = new byte[FIRST_CAPACITY];
            }
        }
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
            case BOOLEAN -> append(node.booleanValue() ? TRUE : FALSE);
            case NULL -> append(NULL);
            case POJO -> {
                if (!(node instanceof CanonicalFragment fragment)) {
                    throw new IllegalArgumentException("a POJO node has no JSON form");
                }
                append(fragment.utf8());
            }
            default -> throw new IllegalArgumentException(
                    "a " + node.getNodeType() + " node has no JSON form");
        }
    }

    private void writeObject(JsonNode node, int depth) {
        // the members themselves are sorted, not their names: looking each value up again by
        // name cost a third of writing an object
        @SuppressWarnings("unchecked")
        Map.Entry<String, JsonNode>[] members = new Map.Entry[node.size()];
        int n = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            members[n++] = it.next();
        }
        // String.compareTo compares UTF-16 code units, exactly the order RFC 8785 asks for
        Arrays.sort(members, 0, n, BY_NAME);
        append((byte) '{');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                append((byte) ',');
            }
            writeString(members[i].getKey());
            append((byte) ':');
            write(members[i].getValue(), depth + 1);
        }
        append((byte) '}');
    }

    private void writeArray(JsonNode node, int depth) {
        append((byte) '[');
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) {
                append((byte) ',');
            }
            write(node.get(i), depth + 1);
        }
        append((byte) ']');
    }

    /** Writes a JSON string as RFC 8785 does; throws for an unpaired surrogate. */
    void writeString(String text) {
        byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
        if (encoded.length == text.length()) {
            // one byte per char: all ASCII, except that getBytes writes '?' for an unpaired surrogate
            writeAsciiString(encoded, text);
        } else {
            writeEncodedString(text);
        }
    }

    private void writeAsciiString(byte[] ascii, String text) {
        reserve(ascii.length + 2L);
        bytes[count++] = '"';
        int run = 0;
        for (int i = nextToCheck(ascii, 0); i < ascii.length; i = nextToCheck(ascii, i + 1)) {
            byte b = ascii[i];
            if (b == '?') {
                if (text.charAt(i) != '?') {
                    throw unpairedSurrogate(i);
                }
            } else {
                append(ascii, run, i - run);
                writeEscape(b);
                run = i + 1;
            }
        }
        append(ascii, run, ascii.length - run);
        append((byte) '"');
    }

    /** The index of the first byte from {@code from} on that cannot simply be copied, or the length. */
    private static int nextToCheck(byte[] ascii, int from) {
        for (int i = from; i < ascii.length; i++) {
            if (TO_CHECK[ascii[i] & 0xFF]) {
                return i;
            }
        }
        return ascii.length;
    }

    /** Char by char, for strings with non-ASCII text. */
    private void writeEncodedString(String text) {
        int length = text.length();
        // invariant at the top of the loop: room for 3 bytes per char left and the closing quote
        reserve(3L * length + 2);
        bytes[count++] = '"';
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    bytes[count++] = (byte) c;
                } else {
                    // an escape takes up to 6 bytes where the invariant kept 3
                    reserve(3L * (length - i) + 4);
                    writeEscape(c);
                }
            } else if (c < 0x800) {
                bytes[count++] = (byte) (0xC0 | c >> 6);
                bytes[count++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                bytes[count++] = (byte) (0xE0 | c >> 12);
                bytes[count++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[count++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < length
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                bytes[count++] = (byte) (0xF0 | codePoint >> 18);
                bytes[count++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                bytes[count++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                bytes[count++] = (byte) (0x80 | codePoint & 0x3F);
            } else {
                throw unpairedSurrogate(i);
            }
        }
        bytes[count++] = '"';
    }

    /** The escape of an ASCII character that JSON does not allow literally in a string. */
    private void writeEscape(int c) {
        reserve(6);
        bytes[count++] = '\\';
        switch (c) {
            case '"' -> bytes[count++] = '"';
            case '\\' -> bytes[count++] = '\\';
            case '\b' -> bytes[count++] = 'b';
            case '\f' -> bytes[count++] = 'f';
            case '\n' -> bytes[count++] = 'n';
            case '\r' -> bytes[count++] = 'r';
            case '\t' -> bytes[count++] = 't';
            default -> {
                bytes[count++] = 'u';
                bytes[count++] = '0';
                bytes[count++] = '0';
                bytes[count++] = HEX[c >> 4];
                bytes[count++] = HEX[c & 0xF];
            }
        }
    }

    private static IllegalArgumentException unpairedSurrogate(int index) {
        return new IllegalArgumentException("string contains an unpaired UTF-16 surrogate at index " + index);
    }

    private void writeNumber(JsonNode node) {
        if (node.isIntegralNumber()) {
            writeInteger(node);
        } else if (node.isBigDecimal()) {
            writeDigits(integerOf(node.decimalValue()));
        } else {
            writeDigits(integerOf(node.doubleValue()));
        }
    }

    private void writeInteger(JsonNode node) {
        boolean exact = switch (node.numberType()) {
            case INT, LONG -> node.longValue() >= -MAX_EXACT && node.longValue() <= MAX_EXACT;
            default -> node.bigIntegerValue().abs().compareTo(MAX_EXACT_BIG) <= 0;
        };
        if (!exact) {
            throw new IllegalArgumentException(
                    "integers beyond ±(2^53−1) are not used in signed data; write them as strings");
        }
        writeDigits(node.longValue());
    }

    /** Writes an integer as digits; the caller checks it is {@link #isExact}. */
    void writeDigits(long value) {
        append(ascii(Long.toString(value)));
    }

    private static long integerOf(double value) {
        if (!Double.isFinite(value) || value != Math.rint(value) || Math.abs(value) > MAX_EXACT) {
            throw nonInteger();
        }
        return (long) value;
    }

    private static long integerOf(BigDecimal value) {
        if (value.signum() == 0) {
            return 0;
        }
        // integer digits = precision − scale; more than 16 cannot be within 2^53 − 1
        if (value.precision() - value.scale() > 16) {
            throw nonInteger();
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 0 || stripped.toBigInteger().abs().compareTo(MAX_EXACT_BIG) > 0) {
            throw nonInteger();
        }
        return stripped.longValue();
    }

    private static IllegalArgumentException nonInteger() {
        return new IllegalArgumentException("non-integer numbers are not used in signed data");
    }

    void append(byte b) {
        reserve(1);
        bytes[count++] = b;
    }

    void append(byte[] source) {
        append(source, 0, source.length);
    }

    private void append(byte[] source, int offset, int length) {
        reserve(length);
        System.arraycopy(source, offset, bytes, count, length);
        count += length;
    }

    private void reserve(long needed) {
        if (needed > bytes.length - count) {
            grow(count + needed);
        }
    }

    private void grow(long capacity) {
        if (capacity > MAX_CAPACITY) {
            throw new OutOfMemoryError("canonical JSON longer than " + MAX_CAPACITY + " bytes");
        }
        bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_CAPACITY, Math.max(capacity, 2L * bytes.length)));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
