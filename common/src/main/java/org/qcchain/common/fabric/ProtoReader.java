package org.qcchain.common.fabric;

import java.util.Objects;

/**
 * A strict reader of the protobuf wire format (protobuf.dev/programming-guides/encoding): one
 * field after the other, each a tag (field number and wire type) and a value. Only what Fabric's
 * messages use is accepted: varints, 64- and 32-bit fixed values and length-delimited values;
 * groups (wire types 3 and 4) and the unassigned wire types 6 and 7 are errors, as are field
 * number 0, a varint of more than ten bytes or beyond 64 bits, and a length past the end of the
 * input. A value of a field the caller does not know is skipped with {@link #skip()}.
 *
 * <pre>{@code
 * ProtoReader reader = new ProtoReader(bytes);
 * while (reader.next()) {
 *     switch (reader.field()) {
 *         case 1 -> number = reader.varint();
 *         case 2 -> hash = reader.bytes();
 *         default -> reader.skip();
 *     }
 * }
 * }</pre>
 *
 * <p>Not thread-safe; cheap to create, one per message.
 */
public final class ProtoReader {

    /** Wire type of int32, int64, uint64, bool and enum values. */
    public static final int VARINT = 0;
    /** Wire type of fixed64, sfixed64 and double values. */
    public static final int I64 = 1;
    /** Wire type of bytes, strings, embedded messages and packed repeated values. */
    public static final int LEN = 2;
    /** Wire type of fixed32, sfixed32 and float values. */
    public static final int I32 = 5;

    /** The largest field number protobuf allows, 2^29 - 1. */
    private static final int MAX_FIELD = (1 << 29) - 1;

    private final byte[] input;
    private int position;
    private int field;
    private int wireType = -1;

    /**
     * Starts reading a message.
     *
     * @param input the encoded message; not copied, not modified
     */
    public ProtoReader(byte[] input) {
        this.input = Objects.requireNonNull(input, "input");
    }

    /**
     * Reads the next tag.
     *
     * @return {@code false} at the end of the input, else {@code true} with {@link #field()} and
     *     {@link #wireType()} set; the value must then be read or skipped before the next call
     * @throws ProtoFormatException if the tag is malformed or of a wire type Fabric does not use
     */
    public boolean next() throws ProtoFormatException {
        if (position == input.length) {
            wireType = -1;
            return false;
        }
        long tag = readVarint();
        if (tag >>> 32 != 0) {
            throw new ProtoFormatException("tag " + Long.toUnsignedString(tag) + " at byte " + position
                    + " is beyond 32 bits");
        }
        int number = (int) (tag >>> 3);
        int type = (int) (tag & 7);
        if (number < 1 || number > MAX_FIELD) {
            throw new ProtoFormatException("field number " + number + " at byte " + position + " is not allowed");
        }
        if (type != VARINT && type != I64 && type != LEN && type != I32) {
            throw new ProtoFormatException("field " + number + " has wire type " + type
                    + (type == 3 || type == 4 ? " (a group, which Fabric's messages never use)" : " (unassigned)"));
        }
        field = number;
        wireType = type;
        return true;
    }

    /** @return the number of the field whose tag was read last */
    public int field() {
        return field;
    }

    /** @return the wire type of the field whose tag was read last */
    public int wireType() {
        return wireType;
    }

    /**
     * Reads the current field's value as a varint.
     *
     * @return the 64 bits of the varint (an unsigned value may be negative as a long)
     * @throws ProtoFormatException if the field is not a varint, or the varint is malformed
     */
    public long varint() throws ProtoFormatException {
        expect(VARINT);
        return readVarint();
    }

    /**
     * Reads the current field's value as length-delimited bytes.
     *
     * @return a copy of the bytes
     * @throws ProtoFormatException if the field is not length-delimited, or its length runs past the end
     */
    public byte[] bytes() throws ProtoFormatException {
        expect(LEN);
        int length = length();
        byte[] value = new byte[length];
        System.arraycopy(input, position, value, 0, length);
        position += length;
        return value;
    }

    /**
     * Skips the current field's value, whatever its wire type.
     *
     * @throws ProtoFormatException if the value is truncated or malformed
     */
    public void skip() throws ProtoFormatException {
        switch (wireType) {
            case VARINT -> readVarint();
            case I64 -> advance(8);
            case I32 -> advance(4);
            case LEN -> advance(length());
            default -> throw new IllegalStateException("no field to skip: call next() first");
        }
        wireType = -1;
    }

    private void expect(int type) throws ProtoFormatException {
        if (wireType == -1) {
            throw new IllegalStateException("no field to read: call next() first");
        }
        if (wireType != type) {
            throw new ProtoFormatException("field " + field + " has wire type " + wireType + ", expected " + type);
        }
        wireType = -1;
    }

    private int length() throws ProtoFormatException {
        long length = readVarint();
        if (length < 0 || length > input.length - position) {
            throw new ProtoFormatException("field " + field + " claims " + Long.toUnsignedString(length)
                    + " bytes, " + (input.length - position) + " are left");
        }
        return (int) length;
    }

    private void advance(int count) throws ProtoFormatException {
        if (count > input.length - position) {
            throw new ProtoFormatException("field " + field + " needs " + count + " bytes, "
                    + (input.length - position) + " are left");
        }
        position += count;
    }

    /** At most ten bytes; the tenth may only carry the 64th bit. */
    private long readVarint() throws ProtoFormatException {
        long value = 0;
        for (int i = 0; i < 10; i++) {
            if (position == input.length) {
                throw new ProtoFormatException("varint truncated at byte " + position);
            }
            int b = input[position++] & 0xFF;
            if (i == 9 && b > 1) {
                throw new ProtoFormatException("varint ending at byte " + position + " overflows 64 bits");
            }
            value |= (long) (b & 0x7F) << (7 * i);
            if (b < 0x80) {
                return value;
            }
        }
        throw new ProtoFormatException("varint ending at byte " + position + " is longer than ten bytes");
    }
}
