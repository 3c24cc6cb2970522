package org.qcchain.common.fabric;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The known fields of one message, read with {@link ProtoReader}: unknown fields are skipped, a
 * known field of another wire type than its accessor expects is an error, and so is a singular
 * field given twice (protobuf would take the last or merge; Fabric's own encoders never repeat one,
 * so a repetition can only be an attempt to be read two ways). Absent fields read as proto3
 * defaults: 0, empty bytes, the empty string, the empty message.
 */
final class ProtoFields {

    private static final byte[] EMPTY = new byte[0];

    /** One occurrence of a field: its wire type and its value. */
    private record Value(int wireType, long varint, byte[] bytes) {}

    private final String message;
    private final Map<Integer, List<Value>> fields;

    private ProtoFields(String message, Map<Integer, List<Value>> fields) {
        this.message = message;
        this.fields = fields;
    }

    /**
     * Reads a message.
     *
     * @param bytes the encoded message
     * @param message its protobuf name, for error messages, e.g. {@code common.Block}
     * @param known the field numbers the caller reads; every other field is skipped
     */
    static ProtoFields parse(byte[] bytes, String message, int... known) throws ProtoFormatException {
        ProtoReader reader = new ProtoReader(bytes);
        Map<Integer, List<Value>> fields = new HashMap<>();
        try {
            while (reader.next()) {
                int field = reader.field();
                if (!isKnown(known, field)) {
                    reader.skip();
                    continue;
                }
                Value value = switch (reader.wireType()) {
                    case ProtoReader.VARINT -> new Value(ProtoReader.VARINT, reader.varint(), null);
                    case ProtoReader.LEN -> new Value(ProtoReader.LEN, 0, reader.bytes());
                    default -> {
                        int type = reader.wireType();
                        reader.skip();
                        yield new Value(type, 0, null);
                    }
                };
                fields.computeIfAbsent(field, f -> new ArrayList<>(1)).add(value);
            }
        } catch (ProtoFormatException e) {
            throw new ProtoFormatException(message + ": " + e.getMessage());
        }
        return new ProtoFields(message, fields);
    }

    /** @return whether the field occurs at least once */
    boolean has(int field) {
        return fields.containsKey(field);
    }

    /** A varint field: int32, int64, uint64 or enum; 0 when absent. */
    long varint(int field) throws ProtoFormatException {
        Value value = single(field, ProtoReader.VARINT);
        return value == null ? 0 : value.varint();
    }

    /** An int32 or enum field, truncated to 32 bits as protobuf does. */
    int int32(int field) throws ProtoFormatException {
        return (int) varint(field);
    }

    /** A bytes or embedded-message field; empty when absent. */
    byte[] bytes(int field) throws ProtoFormatException {
        Value value = single(field, ProtoReader.LEN);
        return value == null ? EMPTY : value.bytes();
    }

    /** A string field, which proto3 requires to be UTF-8; empty when absent. */
    String string(int field) throws ProtoFormatException {
        byte[] bytes = bytes(field);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw error(field, "is not UTF-8");
        }
    }

    /** A repeated bytes or repeated message field, in order; empty when absent. */
    List<byte[]> repeated(int field) throws ProtoFormatException {
        List<Value> values = fields.getOrDefault(field, List.of());
        List<byte[]> result = new ArrayList<>(values.size());
        for (Value value : values) {
            if (value.wireType() != ProtoReader.LEN) {
                throw error(field, "has wire type " + value.wireType() + ", expected " + ProtoReader.LEN);
            }
            result.add(value.bytes());
        }
        return List.copyOf(result);
    }

    /** A google.protobuf.Timestamp field; {@code null} when absent. */
    Instant timestamp(int field) throws ProtoFormatException {
        if (!has(field)) {
            return null;
        }
        ProtoFields timestamp = parse(bytes(field), message + ".timestamp", 1, 2);
        long seconds = timestamp.varint(1);
        int nanos = timestamp.int32(2);
        if (nanos < 0 || nanos > 999_999_999) {
            throw error(field, "has nanos " + nanos + " outside [0, 999999999]");
        }
        try {
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (DateTimeException e) {
            throw error(field, "has seconds " + seconds + " beyond the supported range");
        }
    }

    private Value single(int field, int wireType) throws ProtoFormatException {
        List<Value> values = fields.get(field);
        if (values == null) {
            return null;
        }
        if (values.size() > 1) {
            throw error(field, "occurs " + values.size() + " times; it is not repeated");
        }
        Value value = values.get(0);
        if (value.wireType() != wireType) {
            throw error(field, "has wire type " + value.wireType() + ", expected " + wireType);
        }
        return value;
    }

    private ProtoFormatException error(int field, String problem) {
        return new ProtoFormatException(message + ": field " + field + " " + problem);
    }

    private static boolean isKnown(int[] known, int field) {
        for (int k : known) {
            if (k == field) {
                return true;
            }
        }
        return false;
    }
}
