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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalJsonTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static String canonical(String json) {
        return CanonicalJson.serialize(Json.tree(json));
    }

    @Nested
    class Rfc8785Examples {

        @Test
        void sorts_members_by_utf16_code_units() {
            // RFC 8785 section 3.2.3
            String input = "{\n"
                    + "  \"\\u20ac\": \"Euro Sign\",\n"
                    + "  \"\\r\": \"Carriage Return\",\n"
                    + "  \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\",\n"
                    + "  \"1\": \"One\",\n"
                    + "  \"\\ud83d\\ude00\": \"Emoji: Grinning Face\",\n"
                    + "  \"\\u0080\": \"Control\",\n"
                    + "  \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"\n"
                    + "}";

            assertThat(canonical(input)).isEqualTo("{"
                    + "\"\\r\":\"Carriage Return\","
                    + "\"1\":\"One\","
                    + "\"\u0080\":\"Control\","
                    + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\","
                    + "\"\u20ac\":\"Euro Sign\","
                    + "\"\ud83d\ude00\":\"Emoji: Grinning Face\","
                    + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
        }

        @Test
        void escapes_strings_minimally_and_writes_literals() {
            // RFC 8785 section 3.2.2, without its non-integer numbers
            String input = "{\n"
                    + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                    + "  \"literals\": [null, true, false]\n"
                    + "}";

            assertThat(canonical(input)).isEqualTo(
                    "{\"literals\":[null,true,false],\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
        }

        @Test
        void rejects_the_non_integer_numbers_of_the_rfc_example() {
            for (String number : new String[] {"333333333.33333329", "1E30", "4.50", "2e-3",
                    "0.000000000000000000000000001"}) {
                assertThatThrownBy(() -> canonical("[" + number + "]"))
                        .as(number)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("non-integer numbers are not used in signed data");
            }
        }

        @Test
        void utf8_bytes_keep_non_ascii_literal() {
            assertThat(CanonicalJson.serializeUtf8(Json.tree("{\"k\":\"\\u00e9\\u4e2d\"}")))
                    .isEqualTo("{\"k\":\"é中\"}".getBytes(UTF_8));
        }
    }

    @Nested
    class Strings {

        @Test
        void escapes_every_control_character_and_nothing_else() {
            StringBuilder controls = new StringBuilder();
            for (char c = 0; c < 0x20; c++) {
                controls.append(c);
            }
            String expected = "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n"
                    + "\\u000b\\f\\r\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017"
                    + "\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\"";

            assertThat(CanonicalJson.serialize(NODES.textNode(controls.toString()))).isEqualTo(expected);
            assertThat(CanonicalJson.serialize(NODES.textNode("/<>&'\u007f\u2028")))
                    .isEqualTo("\"/<>&'\u007f\u2028\"");
        }

        @Test
        void round_trips_random_text_with_escapes_pairs_and_plain_runs() {
            java.util.Random random = new java.util.Random(8785);
            String alphabet = "ab\"\\\n\t\u0001\u001f /\u00e9\u6570\u2028";
            for (int round = 0; round < 2_000; round++) {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(40);
                for (int i = 0; i < length; i++) {
                    if (random.nextInt(10) == 0) {
                        text.append("\ud83d\ude00");
                    } else {
                        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                }
                String canonical = CanonicalJson.serialize(NODES.textNode(text.toString()));

                assertThat(Json.tree(canonical).textValue()).isEqualTo(text.toString());
                assertThat(canonical.substring(1, canonical.length() - 1)).doesNotContain("\n", "\t", "\u0001")
                        .doesNotContainPattern("[\\u0000-\\u001f]");
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"\ud800", "a\udc00b", "\ude00\ud83d"})
        void rejects_unpaired_surrogates_in_values_and_names(String broken) {
            ObjectNode named = NODES.objectNode();
            named.put(broken, 1);

            assertThatThrownBy(() -> CanonicalJson.serialize(NODES.textNode(broken)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unpaired UTF-16 surrogate");
            assertThatThrownBy(() -> CanonicalJson.serialize(named))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Numbers {

        @ParameterizedTest
        @CsvSource({"0,0", "-0,0", "1.0,1", "-0.0,0", "1e2,100", "9007199254740991,9007199254740991",
                "-9007199254740991,-9007199254740991", "2.0E15,2000000000000000"})
        void writes_integers_and_integral_doubles_as_plain_decimals(String input, String expected) {
            assertThat(canonical("[" + input + "]")).isEqualTo("[" + expected + "]");
        }

        @Test
        void writes_integral_big_decimals_and_floats_as_integers() {
            assertThat(CanonicalJson.serialize(NODES.numberNode(new BigDecimal("12.000"))))
                    .isEqualTo("12");
            assertThat(CanonicalJson.serialize(NODES.numberNode(new BigDecimal("1E+3"))))
                    .isEqualTo("1000");
            assertThat(CanonicalJson.serialize(NODES.numberNode(3.0f))).isEqualTo("3");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0.5", "-1.25", "1e300", "9007199254740992.0"})
        void rejects_other_numbers(String number) {
            assertThatThrownBy(() -> canonical("[" + number + "]"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("non-integer numbers are not used in signed data");
        }

        @Test
        void rejects_nan_infinity_and_huge_decimals() {
            assertThatThrownBy(() -> CanonicalJson.serialize(NODES.numberNode(Double.NaN)))
                    .hasMessage("non-integer numbers are not used in signed data");
            assertThatThrownBy(() -> CanonicalJson.serialize(NODES.numberNode(Double.NEGATIVE_INFINITY)))
                    .hasMessage("non-integer numbers are not used in signed data");
            assertThatThrownBy(
                    () -> CanonicalJson.serialize(NODES.numberNode(new BigDecimal("1E+999999999"))))
                    .hasMessage("non-integer numbers are not used in signed data");
        }

        @Test
        void rejects_integers_beyond_two_to_the_53rd() {
            assertThatThrownBy(() -> canonical("[9007199254740992]"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("integers beyond ±(2^53−1) are not used in signed data");
            assertThatThrownBy(() -> CanonicalJson.serialize(
                    NODES.numberNode(BigInteger.TWO.pow(64).negate())))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void writes_nested_structures_without_whitespace() {
        assertThat(canonical(" { \"b\" : [ 1 , { \"d\" : null , \"c\" : true } ] , \"a\" : { } } "))
                .isEqualTo("{\"a\":{},\"b\":[1,{\"c\":true,\"d\":null}]}");
    }

    @Test
    void refuses_trees_nested_deeper_than_a_thousand_levels() {
        ArrayNode root = NODES.arrayNode();
        ArrayNode current = root;
        for (int i = 0; i < 1001; i++) {
            current = current.addArray();
        }

        assertThatThrownBy(() -> CanonicalJson.serialize(root))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("JSON nested deeper than 1000 levels");
    }

    @Test
    void binary_nodes_are_written_as_their_base64_text() {
        JsonNode binary = NODES.binaryNode(new byte[] {1, 2, 3});

        assertThat(CanonicalJson.serialize(binary)).isEqualTo("\"AQID\"");
    }
}
