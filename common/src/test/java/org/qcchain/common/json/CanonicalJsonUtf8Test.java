package org.qcchain.common.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The UTF-8 bytes of canonical JSON, on both the ASCII and the non-ASCII way through the writer. */
class CanonicalJsonUtf8Test {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";

    private static byte[] utf8(JsonNode node) {
        return CanonicalJson.serializeUtf8(node);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** A 4,000-character base64-like run, long enough to cross the writer's first buffer growths. */
    private static String longPlainText() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 4_000; i++) {
            text.append(BASE64.charAt(i * 7 % BASE64.length()));
        }
        return text.toString();
    }

    @Nested
    class AsciiStrings {

        static Stream<Arguments> escapes() {
            return Stream.of(Arguments.of("\"", "\\\""), Arguments.of("\\", "\\\\"),
                    Arguments.of("\n", "\\n"), Arguments.of("\t", "\\t"), Arguments.of("\r", "\\r"),
                    Arguments.of("\b", "\\b"), Arguments.of("\f", "\\f"),
                    Arguments.of("\u0001", "\\u0001"), Arguments.of("\u001f", "\\u001f"));
        }

        @ParameterizedTest
        @MethodSource("escapes")
        void escapes_at_the_start_in_the_middle_and_at_the_end_of_long_text(String raw, String escaped) {
            String body = longPlainText();
            String text = raw + body + raw + raw + body + raw;

            assertThat(utf8(NODES.textNode(text)))
                    .isEqualTo(("\"" + escaped + body + escaped + escaped + body + escaped + "\"").getBytes(UTF_8));
        }

        @Test
        void copies_long_text_without_escapes_unchanged() {
            String body = longPlainText();

            assertThat(utf8(NODES.textNode(body))).isEqualTo(("\"" + body + "\"").getBytes(UTF_8));
        }

        @Test
        void keeps_question_marks_which_are_not_replaced_surrogates() {
            String text = "?" + longPlainText() + "?a=1&b=??";

            assertThat(utf8(NODES.textNode(text))).isEqualTo(("\"" + text + "\"").getBytes(UTF_8));
        }

        @Test
        void writes_the_empty_string_as_two_quotes() {
            assertThat(utf8(NODES.textNode(""))).isEqualTo("\"\"".getBytes(UTF_8));
        }
    }

    @Nested
    class ControlCharacters {

        private static final String CONTROLS;
        private static final String ESCAPED;

        static {
            StringBuilder controls = new StringBuilder();
            for (char c = 0; c < 0x20; c++) {
                controls.append(c);
            }
            CONTROLS = controls.append('\u007f').toString();
            ESCAPED = "\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e"
                    + "\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a"
                    + "\\u001b\\u001c\\u001d\\u001e\\u001f\u007f";
        }

        @Test
        void escapes_0x00_to_0x1f_and_leaves_0x7f_literal_in_ascii_text() {
            byte[] bytes = utf8(NODES.textNode(CONTROLS));

            assertThat(bytes).isEqualTo(("\"" + ESCAPED + "\"").getBytes(UTF_8));
            assertThat(bytes[bytes.length - 2]).isEqualTo((byte) 0x7f);
        }

        @Test
        void escapes_0x00_to_0x1f_and_leaves_0x7f_literal_next_to_chinese_text() {
            assertThat(utf8(NODES.textNode("中" + CONTROLS + "文")))
                    .isEqualTo(("\"中" + ESCAPED + "文\"").getBytes(UTF_8));
        }
    }

    @Nested
    class NonAsciiStrings {

        @Test
        void encodes_ascii_chinese_and_emoji_mixed_with_escapes() {
            String text = "签名 signature=\"MEUCIQ\" 😀 数据\n共享\\ok 🇨🇳";

            assertThat(utf8(NODES.textNode(text)))
                    .isEqualTo("\"签名 signature=\\\"MEUCIQ\\\" 😀 数据\\n共享\\\\ok 🇨🇳\"".getBytes(UTF_8));
        }

        @ParameterizedTest
        @CsvSource({
            "\u0080, c280", "\u00e9, c3a9", "\u07ff, dfbf", "\u0800, e0a080", "\u4e2d, e4b8ad",
            "\ud7ff, ed9fbf", "\ue000, ee8080", "\uffff, efbfbf", "\ud800\udc00, f0908080",
            "\ud83d\ude00, f09f9880", "\udbff\udfff, f48fbfbf"})
        void encodes_each_utf8_length_at_its_boundaries(String text, String expectedHex) {
            assertThat(hex(utf8(NODES.textNode(text)))).isEqualTo("22" + expectedHex + "22");
        }

        @Test
        void encodes_long_text_mixing_plain_runs_and_chinese_like_the_jdk() {
            String text = longPlainText() + "，济南泉城链" + longPlainText() + "😀";

            assertThat(utf8(NODES.textNode(text))).isEqualTo(("\"" + text + "\"").getBytes(UTF_8));
        }
    }

    @Nested
    class UnpairedSurrogates {

        @ParameterizedTest
        @CsvSource({
            "abc\ud800def, 3", "abc\udc00def, 3", "abc\ud800, 3", "abc\udc00, 3",
            "a?b\ud83d, 3", "\ud800, 0", "\udc00?, 0",
            "中\ud800文, 1", "中\udc00文, 1", "中文\ud83d, 2", "中文\ude00, 2",
            "😀\ude00, 2", "\ud83d\ud83d\ude00, 0", "é\ud83d😀x, 1"})
        void rejects_them_in_the_middle_and_at_the_end_naming_the_index(String text, int index) {
            String message = "string contains an unpaired UTF-16 surrogate at index " + index;
            ObjectNode named = NODES.objectNode();
            named.put(text, 1);

            assertThatThrownBy(() -> utf8(NODES.textNode(text)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(message);
            assertThatThrownBy(() -> utf8(named))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(message);
            assertThatThrownBy(() -> ReferenceCanonicalWriter.serialize(NODES.textNode(text)))
                    .hasMessage(message);
        }
    }

    @Nested
    class MemberNames {

        @Test
        void escapes_names_and_sorts_them_by_their_unescaped_text() {
            ObjectNode object = NODES.objectNode();
            object.put("line\nbreak", 3);
            object.put("a\\b", 2);
            object.put("a\"b", 1);
            object.put("\u0000", 4);

            assertThat(utf8(object)).isEqualTo(
                    "{\"\\u0000\":4,\"a\\\"b\":1,\"a\\\\b\":2,\"line\\nbreak\":3}".getBytes(UTF_8));
        }

        @Test
        void sorts_non_ascii_names_by_utf16_code_units_not_by_code_points_or_utf8_bytes() {
            ObjectNode object = NODES.objectNode();
            object.put("\uff61", "halfwidth ideographic full stop, U+FF61");
            object.put("😀", "grinning face, U+1F600");
            object.put("中", "U+4E2D");
            object.put("é", "U+00E9");
            object.put("z", "U+007A");

            // U+1F600 is D83D DE00 in UTF-16, before FF61; by code point or UTF-8 it would come after
            assertThat(new String(utf8(object), UTF_8)).isEqualTo("{\"z\":\"U+007A\",\"é\":\"U+00E9\","
                    + "\"中\":\"U+4E2D\",\"😀\":\"grinning face, U+1F600\","
                    + "\"\uff61\":\"halfwidth ideographic full stop, U+FF61\"}");
        }

        @Test
        void writes_many_members_in_order_whatever_the_insertion_order() {
            Map<String, Integer> sorted = new TreeMap<>();
            ObjectNode object = NODES.objectNode();
            for (int i = 0; i < 2_000; i++) {
                String name = Integer.toString(i * 7_919 % 2_000, 36) + (i % 3 == 0 ? "中" : "");
                object.put(name, i);
                sorted.put(name, i);
            }
            StringBuilder expected = new StringBuilder("{");
            sorted.forEach((name, value) -> expected.append(expected.length() > 1 ? "," : "")
                    .append('"').append(name).append("\":").append(value));

            assertThat(utf8(object)).isEqualTo(expected.append('}').toString().getBytes(UTF_8));
        }
    }

    @Nested
    class Numbers {

        @ParameterizedTest
        @ValueSource(longs = {0, 1, -1, 9, -9, 10, -10, 99, 100, 12_345, -2_147_483_648L, 2_147_483_647L,
            999_999_999_999_999L, 1_000_000_000_000_000L, 9_007_199_254_740_991L, -9_007_199_254_740_991L})
        void writes_integers_of_every_node_type_as_plain_decimals(long value) {
            byte[] expected = Long.toString(value).getBytes(UTF_8);

            assertThat(utf8(NODES.numberNode(value))).isEqualTo(expected);
            assertThat(utf8(NODES.numberNode(BigInteger.valueOf(value)))).isEqualTo(expected);
            assertThat(utf8(NODES.numberNode(BigDecimal.valueOf(value).setScale(2)))).isEqualTo(expected);
            assertThat(utf8(NODES.numberNode((double) value))).isEqualTo(expected);
            if (value == (int) value) {
                assertThat(utf8(NODES.numberNode((int) value))).isEqualTo(expected);
            }
        }

        @ParameterizedTest
        @ValueSource(longs = {9_007_199_254_740_992L, -9_007_199_254_740_992L, Long.MAX_VALUE, Long.MIN_VALUE})
        void rejects_long_and_big_integers_beyond_two_to_the_53rd(long value) {
            String message = "integers beyond ±(2^53−1) are not used in signed data; write them as strings";

            assertThatThrownBy(() -> utf8(NODES.numberNode(value))).hasMessage(message);
            assertThatThrownBy(() -> utf8(NODES.numberNode(BigInteger.valueOf(value)))).hasMessage(message);
        }
    }

    @Test
    void a_document_written_after_a_larger_or_a_failed_one_on_the_same_thread_holds_only_its_own_bytes() {
        ObjectNode large = NODES.objectNode();
        large.put("text", "x".repeat(2_000_000));
        ObjectNode small = NODES.objectNode();
        small.put("a", "b");
        ObjectNode broken = NODES.objectNode();
        broken.put("fine", "y".repeat(10_000));
        broken.put("zz", "before \uD800 after");

        assertThat(utf8(large)).hasSize(2_000_000 + "{\"text\":\"\"}".length());
        assertThat(new String(utf8(small), UTF_8)).isEqualTo("{\"a\":\"b\"}");
        assertThatThrownBy(() -> utf8(broken)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new String(utf8(small), UTF_8)).isEqualTo("{\"a\":\"b\"}");
        ArrayNode medium = NODES.arrayNode();
        for (int i = 0; i < 1_000; i++) {
            medium.add("item " + i);
        }
        assertThat(new String(utf8(medium), UTF_8)).startsWith("[\"item 0\",\"item 1\",").endsWith("\"item 999\"]");
        assertThat(new String(utf8(small), UTF_8)).isEqualTo("{\"a\":\"b\"}");
    }

    @Test
    void text_form_is_the_utf8_bytes_decoded() {
        ArrayNode array = NODES.arrayNode().add("é中😀").add(-12).add(true).addNull();
        array.addObject().put("k", "\u007f\n");

        assertThat(CanonicalJson.serialize(array)).isEqualTo(new String(utf8(array), UTF_8))
                .isEqualTo("[\"é中😀\",-12,true,null,{\"k\":\"\u007f\\n\"}]");
    }

    @Test
    void json_canonical_bytes_are_the_canonical_text_as_utf8() {
        Map<String, Object> value = Map.of("title", "机动车登记", "count", 3, "hash", "ab12", "tags",
                List.of("a\"b", "😀"));

        assertThat(Json.canonicalBytes(value)).isEqualTo(Json.canonical(value).getBytes(UTF_8))
                .isEqualTo("{\"count\":3,\"hash\":\"ab12\",\"tags\":[\"a\\\"b\",\"😀\"],\"title\":\"机动车登记\"}"
                        .getBytes(UTF_8));
    }
}
