package org.qcchain.common.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JsonTest {

    enum Kind { PERSON, COMPANY }

    record Field(String name, int size) {}

    record Query(String dataset, List<String> fields, Kind kind, int limit, Field extra) {}

    record Checked(String name) {
        Checked {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank");
            }
        }
    }

    record Sorted(String zeta, String alpha, Map<String, Integer> counts, String absent) {
        public String getMiddle() {
            return "m";
        }
    }

    @Nested
    class Parsing {

        @Test
        void reads_records_lists_and_enums() {
            Query query = Json.parse(
                    "{\"dataset\":\"tax\",\"fields\":[\"a\",\"b\"],\"kind\":\"PERSON\",\"limit\":10}",
                    Query.class);

            assertThat(query).isEqualTo(new Query("tax", List.of("a", "b"), Kind.PERSON, 10, null));
        }

        @Test
        void reads_utf8_bytes_and_generic_types() {
            assertThat(Json.parse("{\"dataset\":\"税务\",\"limit\":1}".getBytes(UTF_8), Query.class)
                    .dataset())
                    .isEqualTo("税务");
            assertThat(Json.parse("[{\"name\":\"a\",\"size\":1}]", new TypeReference<List<Field>>() {}))
                    .containsExactly(new Field("a", 1));
        }

        @Test
        void reads_any_value_as_a_tree() {
            JsonNode tree = Json.tree("{\"a\":[1,true,null]}");

            assertThat(tree.get("a").get(0).intValue()).isEqualTo(1);
            assertThat(Json.tree("null").isNull()).isTrue();
        }
    }

    @Nested
    class InputErrors {

        @Test
        void malformed_json_names_line_and_column() {
            assertThatThrownBy(() -> Json.parse("{\"a\":}", Query.class))
                    .isInstanceOf(JsonInputException.class)
                    .hasMessageStartingWith("malformed JSON at line 1, column 6: ");
            assertThatThrownBy(() -> Json.tree("{\n  \"a\": [1, 2\n"))
                    .isInstanceOf(JsonInputException.class)
                    .hasMessage("malformed JSON at line 3, column 1: unexpected end of input");
        }

        @Test
        void unknown_field_is_named_with_its_path() {
            String json = "{\"limit\":1,\"extra\":{\"name\":\"x\",\"size\":1,\"foo\":1}}";

            assertThatThrownBy(() -> Json.parse(json, Query.class))
                    .isInstanceOf(JsonInputException.class)
                    .hasMessage("unknown field 'extra.foo'; known fields: name, size")
                    .extracting(e -> ((JsonInputException) e).path()).isEqualTo("/extra/foo");
        }

        @Test
        void wrong_type_says_what_was_expected_and_where() {
            assertThatThrownBy(() -> Json.parse("{\"fields\":[\"a\",\"b\",3]}", Query.class))
                    .isInstanceOf(JsonInputException.class)
                    .hasMessage("field 'fields[2]': expected a string, got an integer")
                    .extracting(e -> ((JsonInputException) e).path()).isEqualTo("/fields/2");
        }

        @Test
        void strings_are_not_coerced_to_numbers_nor_fractions_to_integers() {
            assertThatThrownBy(() -> Json.parse("{\"limit\":\"10\"}", Query.class))
                    .hasMessage("field 'limit': expected an integer, got a string");
            assertThatThrownBy(() -> Json.parse("{\"limit\":1.5}", Query.class))
                    .hasMessage(
                            "field 'limit': expected an integer, got a number with a fraction or exponent");
            assertThatThrownBy(() -> Json.parse("{\"limit\":null}", Query.class))
                    .hasMessage("field 'limit': expected an integer, got null");
        }

        @Test
        void absent_primitive_fields_are_reported_missing() {
            assertThatThrownBy(() -> Json.parse("{\"dataset\":\"tax\"}", Query.class))
                    .hasMessage("field 'limit' is missing: expected an integer");
        }

        @Test
        void enums_accept_only_their_names() {
            assertThatThrownBy(() -> Json.parse("{\"kind\":0}", Query.class))
                    .hasMessage("field 'kind': expected one of PERSON, COMPANY, got an integer");
            assertThatThrownBy(() -> Json.parse("{\"kind\":\"ROBOT\"}", Query.class))
                    .hasMessage("field 'kind': expected one of PERSON, COMPANY, got a string");
        }

        @Test
        void trailing_content_is_rejected() {
            assertThatThrownBy(() -> Json.parse("{\"limit\":1} {}", Query.class))
                    .isInstanceOf(JsonInputException.class)
                    .hasMessage("unexpected content after the JSON value at line 1, column 13");
            assertThatThrownBy(() -> Json.tree("[1] x"))
                    .hasMessageStartingWith("unexpected content after the JSON value at line 1, column ");
        }

        @Test
        void nesting_beyond_64_levels_is_rejected() {
            String ok = "[".repeat(64) + "]".repeat(64);
            String deep = "[".repeat(65) + "]".repeat(65);

            assertThat(Json.tree(ok).isArray()).isTrue();
            assertThatThrownBy(() -> Json.tree(deep))
                    .isInstanceOf(JsonInputException.class)
                    .hasMessage("JSON is nested too deeply: at most 64 levels are allowed");
        }

        @Test
        void over_long_numbers_and_duplicate_fields_are_rejected() {
            assertThatThrownBy(() -> Json.tree("[" + "1".repeat(33) + "]"))
                    .hasMessage("a number is too long: at most 32 characters are allowed");
            assertThatThrownBy(() -> Json.parse("{\"limit\":1,\"limit\":2}", Query.class))
                    .isInstanceOf(JsonInputException.class)
                    .hasMessage("malformed JSON at line 1, column 19: duplicate field 'limit'");
        }

        @Test
        void empty_input_and_top_level_null_are_rejected() {
            assertThatThrownBy(() -> Json.parse("  ", Query.class))
                    .hasMessage("empty input: expected an object");
            assertThatThrownBy(() -> Json.parse("null", Query.class))
                    .hasMessage("expected an object, got null");
            assertThatThrownBy(() -> Json.parse("[]", Query.class))
                    .hasMessage("expected an object, got an array");
        }

        @Test
        void record_validation_failures_keep_their_message() {
            assertThatThrownBy(() -> Json.parse("{\"name\":\" \"}", Checked.class))
                    .isInstanceOf(JsonInputException.class)
                    .hasMessage("invalid Checked: name must not be blank");
        }

        @Test
        void messages_quote_at_most_about_forty_characters_of_input() {
            String secret = "SECRET".repeat(50);

            assertThatThrownBy(() -> Json.tree("{\"a\": " + secret + "}"))
                    .isInstanceOf(JsonInputException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRET".repeat(8)));
            assertThatThrownBy(() -> Json.parse("{\"" + secret + "\":1}", Query.class))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRET".repeat(8)));
        }
    }

    @Nested
    class Writing {

        @Test
        void writes_properties_and_map_keys_sorted_without_nulls() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            counts.put("b", 2);
            counts.put("a", 1);

            assertThat(Json.write(new Sorted("z", "a", counts, null)))
                    .isEqualTo("{\"alpha\":\"a\",\"counts\":{\"a\":1,\"b\":2},\"middle\":\"m\","
                            + "\"zeta\":\"z\"}");
        }

        @Test
        void canonical_form_of_a_value_is_rfc_8785() {
            assertThat(Json.canonical(new Field("é\n", 3))).isEqualTo("{\"name\":\"é\\n\",\"size\":3}");
            assertThat(Json.canonicalBytes(new Field("é", 3)))
                    .isEqualTo("{\"name\":\"é\",\"size\":3}".getBytes(UTF_8));
        }

        @Test
        void canonical_form_rejects_fractions() {
            assertThatThrownBy(() -> Json.canonical(Map.of("rate", 0.5)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("non-integer numbers are not used in signed data");
        }
    }
}
