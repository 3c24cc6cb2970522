package org.qcchain.common.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HexFormat;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The wire format is read as protobuf writes it, and anything malformed fails closed. */
class ProtoReaderTest {

    private static final HexFormat HEX = HexFormat.of();

    private static byte[] encode(IoWriter writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        writer.write(out);
        out.flush();
        return bytes.toByteArray();
    }

    interface IoWriter {
        void write(CodedOutputStream out) throws IOException;
    }

    @Nested
    class Well_formed_input {

        @ParameterizedTest
        @ValueSource(longs = {0, 1, 127, 128, 300, Integer.MAX_VALUE, -1, Long.MIN_VALUE, Long.MAX_VALUE})
        void reads_every_varint_protobuf_writes(long value) throws Exception {
            ProtoReader reader = new ProtoReader(encode(out -> out.writeUInt64(7, value)));

            assertThat(reader.next()).isTrue();
            assertThat(reader.field()).isEqualTo(7);
            assertThat(reader.wireType()).isEqualTo(ProtoReader.VARINT);
            assertThat(reader.varint()).isEqualTo(value);
            assertThat(reader.next()).isFalse();
        }

        @Test
        void reads_bytes_and_skips_every_wire_type() throws Exception {
            byte[] input = encode(out -> {
                out.writeFixed64(1, 42);
                out.writeFixed32(2, 42);
                out.writeUInt64(3, 1L << 40);
                out.writeByteArray(4, new byte[] {9, 8});
                out.writeByteArray(536_870_911, new byte[] {7});
            });
            ProtoReader reader = new ProtoReader(input);
            for (int field = 1; field <= 3; field++) {
                assertThat(reader.next()).isTrue();
                assertThat(reader.field()).isEqualTo(field);
                reader.skip();
            }
            assertThat(reader.next()).isTrue();
            assertThat(reader.bytes()).containsExactly(9, 8);
            assertThat(reader.next()).isTrue();
            assertThat(reader.field()).isEqualTo(536_870_911);
            assertThat(reader.bytes()).containsExactly(7);
            assertThat(reader.next()).isFalse();
        }

        @Test
        void accepts_a_non_minimal_varint_of_at_most_ten_bytes_as_protobuf_does() throws Exception {
            ProtoReader reader = new ProtoReader(HEX.parseHex("08" + "80808000"));

            assertThat(reader.next()).isTrue();
            assertThat(reader.varint()).isZero();
        }
    }

    @Nested
    class Malformed_input_is_rejected {

        @ParameterizedTest
        @ValueSource(strings = {
            "08ffffffffffffffffff7f",   // eleven bytes
            "08ffffffffffffffffff02",   // ten bytes, but beyond 64 bits
            "08ff",                     // truncated varint
            "0a05010203",               // length past the end
            "0a",                       // length missing
            "09010203",                 // fixed64 truncated
            "0d0102",                   // fixed32 truncated
            "00",                       // field number 0
            "0b",                       // start group
            "0c",                       // end group
            "0e",                       // wire type 6
            "0f",                       // wire type 7
            "8080808080808080800108"    // tag beyond 32 bits
        })
        void fails_closed(String hex) {
            assertThatThrownBy(() -> readAll(HEX.parseHex(hex))).isInstanceOf(ProtoFormatException.class);
        }

        @Test
        void a_field_read_with_the_wrong_wire_type_is_rejected() throws Exception {
            ProtoReader reader = new ProtoReader(encode(out -> out.writeUInt64(1, 5)));
            reader.next();

            assertThatThrownBy(reader::bytes).isInstanceOf(ProtoFormatException.class)
                    .hasMessageContaining("wire type 0, expected 2");
        }

        private void readAll(byte[] input) throws ProtoFormatException {
            ProtoReader reader = new ProtoReader(input);
            while (reader.next()) {
                reader.skip();
            }
        }
    }
}
