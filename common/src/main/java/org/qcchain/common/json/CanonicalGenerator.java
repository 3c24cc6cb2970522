package org.qcchain.common.json;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.base.GeneratorBase;
import com.fasterxml.jackson.core.json.JsonWriteContext;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Writes an object's canonical JSON (RFC 8785) as Jackson's serialisers walk it, instead of
 * building its tree first ({@code valueToTree}, which cost three times the writing itself): the
 * mapper already emits the properties of records and the entries of maps with string keys sorted
 * by name ({@code SORT_PROPERTIES_ALPHABETICALLY}, {@code ORDER_MAP_ENTRIES_BY_KEYS}), and trees
 * inside them are written sorted ({@link JsonNodeFeature#WRITE_PROPERTIES_SORTED}), so in the common
 * case the members simply arrive in canonical order.
 *
 * <p>It never guesses: a member name that is not strictly after the one before it (a map whose
 * keys sort otherwise as objects than as strings, a serialiser of its own order), a number other
 * than an integer within ±(2^53−1), binary data or raw text ends the attempt with {@link
 * NotCanonical}, and the caller serialises the tree instead ({@link Json#canonicalBytes}): what
 * this writes is byte for byte what the tree would give, or nothing. So does any other failure:
 * a string with an unpaired surrogate is refused by the tree's way, with its message.
 *
 * <p>Strings are escaped by {@link CanonicalWriter} itself. Single use; not thread-safe.
 */
final class CanonicalGenerator extends GeneratorBase {

    /** Thrown, without a stack trace, when the value needs the tree's way. */
    static final class NotCanonical extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private NotCanonical() {
            super("not in canonical order or form", null, false, false);
        }
    }

    private static final NotCanonical NOT_CANONICAL = new NotCanonical();
    /**
     * Deeper values go the tree's way, which enforces its own limit on nesting ({@link
     * CanonicalWriter}) with its message; the values signed here are a few levels deep.
     */
    private static final int MAX_DEPTH = 64;

    private final CanonicalWriter out = CanonicalWriter.standalone();

    private CanonicalGenerator(ObjectCodec codec) {
        super(0, codec);
    }

    /**
     * The canonical bytes of {@code value} as {@code writer} serialises it.
     *
     * @param writer the shared mapper's writer with {@link JsonNodeFeature#WRITE_PROPERTIES_SORTED}
     * @return the bytes, or null if the value cannot be written in canonical order and form this
     *     way, or its serialisation failed: the tree's way then decides, and says why if it fails
     *     too (Jackson wraps what a serialiser throws, so the reason is not told apart here)
     */
    static byte[] utf8OrNull(ObjectWriter writer, Object value) {
        CanonicalGenerator generator = new CanonicalGenerator(Json.mapper());
        try {
            writer.writeValue(generator, value);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return generator.out.toByteArray();
    }

    /** Places a fragment's canonical bytes as a value ({@link CanonicalFragment}). */
    void writeCanonical(byte[] utf8) throws IOException {
        _verifyValueWrite("write a value");
        out.append(utf8);
    }

    @Override
    public void writeStartArray() throws IOException {
        _verifyValueWrite("start an array");
        requireShallow();
        _writeContext = _writeContext.createChildArrayContext();
        out.append((byte) '[');
    }

    private void requireShallow() {
        if (_writeContext.getNestingDepth() >= MAX_DEPTH) {
            throw NOT_CANONICAL;
        }
    }

    @Override
    public void writeEndArray() throws IOException {
        if (!_writeContext.inArray()) {
            _reportError("Current context not Array but " + _writeContext.typeDesc());
        }
        _writeContext = _writeContext.clearAndGetParent();
        out.append((byte) ']');
    }

    @Override
    public void writeStartObject() throws IOException {
        _verifyValueWrite("start an object");
        requireShallow();
        _writeContext = _writeContext.createChildObjectContext();
        out.append((byte) '{');
    }

    @Override
    public void writeEndObject() throws IOException {
        if (!_writeContext.inObject()) {
            _reportError("Current context not Object but " + _writeContext.typeDesc());
        }
        _writeContext = _writeContext.clearAndGetParent();
        out.append((byte) '}');
    }

    @Override
    public void writeFieldName(String name) throws IOException {
        String previous = _writeContext.getCurrentName();
        // String.compareTo orders by UTF-16 code units, as RFC 8785 does; equal would be a duplicate
        if (previous != null && previous.compareTo(name) >= 0) {
            throw NOT_CANONICAL;
        }
        int status = _writeContext.writeFieldName(name);
        if (status == JsonWriteContext.STATUS_EXPECT_VALUE) {
            _reportError("Can not write a field name, expecting a value");
        }
        if (status == JsonWriteContext.STATUS_OK_AFTER_COMMA) {
            out.append((byte) ',');
        }
        out.writeString(name);
        out.append((byte) ':');
    }

    @Override
    public void writeString(String text) throws IOException {
        if (text == null) {
            writeNull();
            return;
        }
        _verifyValueWrite("write a string");
        out.writeString(text);
    }

    @Override
    public void writeString(char[] text, int offset, int length) throws IOException {
        writeString(new String(text, offset, length));
    }

    @Override
    public void writeNumber(int value) throws IOException {
        writeNumber((long) value);
    }

    @Override
    public void writeNumber(long value) throws IOException {
        if (!CanonicalWriter.isExact(value)) {
            throw NOT_CANONICAL;
        }
        _verifyValueWrite("write a number");
        out.writeDigits(value);
    }

    @Override
    public void writeBoolean(boolean state) throws IOException {
        _verifyValueWrite("write a boolean");
        out.writeBoolean(state);
    }

    @Override
    public void writeNull() throws IOException {
        _verifyValueWrite("write null");
        out.writeNull();
    }

    // Numbers of other kinds, binary data and raw text: the tree's way decides (and may refuse).

    @Override
    public void writeNumber(BigInteger value) {
        throw NOT_CANONICAL;
    }

    @Override
    public void writeNumber(double value) {
        throw NOT_CANONICAL;
    }

    @Override
    public void writeNumber(float value) {
        throw NOT_CANONICAL;
    }

    @Override
    public void writeNumber(BigDecimal value) {
        throw NOT_CANONICAL;
    }

    @Override
    public void writeNumber(String encodedValue) {
        throw NOT_CANONICAL;
    }

    @Override
    public void writeBinary(Base64Variant variant, byte[] data, int offset, int length) {
        throw NOT_CANONICAL;
    }

    @Override
    public void writeRawUTF8String(byte[] text, int offset, int length) {
        throw NOT_CANONICAL;
    }

    @Override
    public void writeUTF8String(byte[] text, int offset, int length) {
        throw NOT_CANONICAL;
    }

    @Override
    public void writeRaw(String text) {
        throw NOT_CANONICAL;
    }

    @Override
    public void writeRaw(String text, int offset, int length) {
        throw NOT_CANONICAL;
    }

    @Override
    public void writeRaw(char[] text, int offset, int length) {
        throw NOT_CANONICAL;
    }

    @Override
    public void writeRaw(char c) {
        throw NOT_CANONICAL;
    }

    @Override
    public void writeRawValue(String text) {
        throw NOT_CANONICAL;
    }

    @Override
    protected void _verifyValueWrite(String typeMsg) throws IOException {
        int status = _writeContext.writeValue();
        if (status == JsonWriteContext.STATUS_EXPECT_NAME) {
            _reportError("Can not " + typeMsg + ", expecting field name");
        }
        if (status == JsonWriteContext.STATUS_OK_AFTER_COMMA) {
            out.append((byte) ',');
        }
    }

    @Override
    public JsonStreamContext getOutputContext() {
        return _writeContext;
    }

    @Override
    public void flush() {
        // nothing buffered outside the writer's array
    }

    @Override
    protected void _releaseBuffers() {
        // the writer's array is this generator's own
    }

    @Override
    public JsonGenerator useDefaultPrettyPrinter() {
        return this;
    }
}
