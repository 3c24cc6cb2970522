package org.qcchain.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Canonical bytes written as the serialisers walk a value are those of its tree, for every value:
 * the members that arrive in order are written directly, anything else goes the tree's way.
 */
class CanonicalGeneratorTest {

    private static final ObjectWriter SORTED_TREES = Json.mapper().writer()
            .with(JsonNodeFeature.WRITE_PROPERTIES_SORTED);

    enum Colour { RED, GREEN, BLUE }

    record Inner(String zeta, long alpha, Boolean maybe, List<Integer> numbers) {}

    record Outer(String name, Inner inner, Map<String, Object> extra, JsonNode tree, List<Inner> list, byte[] blob,
            Double ratio) {}

    record Keyed(Map<Colour, String> byColour, Map<Integer, String> byNumber) {}

    record Numbers(BigInteger big, BigDecimal decimal, double real) {}

    record Text(String text) {}

    record WithFragment(JsonNode part, String after) {}

    static Stream<Object> values() {
        ObjectNode unsorted = Json.mapper().createObjectNode();
        unsorted.put("z", 1).put("a", "x").put("é", "\u0001\b\f\n\r\t\"\\/").putNull("n");
        unsorted.putObject("m").put("y", true).put("b", -9_007_199_254_740_991L);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("\uD83D\uDE00", "emoji key"); // sorts by UTF-16 units: before U+FFFF
        extra.put("\uFFFF", 1);
        extra.put("B", List.of(1, 2, Map.of("k", "v")));
        extra.put("a", null);
        Inner inner = new Inner("数据 \u2028", 42, null, List.of(3, -1));
        return Stream.of(
                new Outer("n", inner, extra, unsorted, List.of(inner, inner), null, null),
                new Outer("", null, Map.of(), Json.tree("[1,{\"b\":2,\"a\":[]}]"), List.of(), null, null),
                new Outer("with blob", inner, Map.of(), null, List.of(), new byte[] {1, 2, 3, (byte) 255}, null),
                new Outer("integral double", inner, Map.of(), null, List.of(), null, 3.0),
                new Keyed(new TreeMap<>(Map.of(Colour.RED, "r", Colour.BLUE, "b", Colour.GREEN, "g")),
                        new TreeMap<>(Map.of(9, "nine", 10, "ten", 100, "hundred"))),
                new Numbers(BigInteger.valueOf(7), new BigDecimal("12.000"), -0.0),
                new WithFragment(CanonicalFragment.of(Json.tree("{\"b\":[true],\"a\":\"é\"}")), "after"),
                Map.of("k", List.of(Map.of("y", 1, "x", 2))),
                List.of("a", 1, true));
    }

    @ParameterizedTest
    @MethodSource("values")
    void writes_what_the_tree_of_the_value_gives(Object value) {
        assertThat(Json.canonicalBytes(value))
                .isEqualTo(CanonicalJson.serializeUtf8(Json.mapper().valueToTree(value)));
        assertThat(Json.canonical(value)).isEqualTo(CanonicalJson.serialize(Json.mapper().valueToTree(value)));
    }

    @Test
    void records_and_string_keyed_maps_are_written_directly() {
        Outer outer = (Outer) values().findFirst().orElseThrow();

        assertThat(CanonicalGenerator.utf8OrNull(SORTED_TREES, outer))
                .isEqualTo(CanonicalJson.serializeUtf8(Json.mapper().valueToTree(outer)));
        WithFragment withFragment = new WithFragment(CanonicalFragment.of(Json.tree("{\"b\":1,\"a\":2}")), "x");
        assertThat(CanonicalGenerator.utf8OrNull(SORTED_TREES, withFragment))
                .asString().isEqualTo("{\"after\":\"x\",\"part\":{\"a\":2,\"b\":1}}");
    }

    @Test
    void leaves_to_the_tree_what_does_not_arrive_in_canonical_order_or_form() {
        assertThat(CanonicalGenerator.utf8OrNull(SORTED_TREES,
                new Keyed(new TreeMap<>(Map.of(Colour.RED, "r", Colour.BLUE, "b")), Map.of()))).isNull();
        assertThat(CanonicalGenerator.utf8OrNull(SORTED_TREES,
                new Keyed(Map.of(), new TreeMap<>(Map.of(9, "nine", 10, "ten"))))).isNull();
        assertThat(CanonicalGenerator.utf8OrNull(SORTED_TREES, new Numbers(BigInteger.ONE, BigDecimal.ONE, 1)))
                .isNull();
        assertThat(CanonicalGenerator.utf8OrNull(Json.mapper().writer(), new Outer("n", null, Map.of(),
                Json.tree("{\"b\":1,\"a\":2}"), List.of(), null, null))).as("trees unsorted without the feature")
                .isNull();
    }

    @Test
    void refuses_what_the_tree_s_way_refuses_with_its_reasons() {
        assertThatThrownBy(() -> Json.canonicalBytes(new Text("bad \uD800 surrogate")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unpaired");
        assertThatThrownBy(() -> Json.canonicalBytes(Map.of("n", 9_007_199_254_740_992L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2^53");
        assertThatThrownBy(() -> Json.canonicalBytes(Map.of("n", 0.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-integer");
    }

    @Test
    void leaves_deep_values_to_the_tree_and_its_limit() {
        JsonNode deep = nested(80);
        Outer value = new Outer("deep", null, Map.of(), deep, List.of(), null, null);
        assertThat(CanonicalGenerator.utf8OrNull(SORTED_TREES, value)).isNull();
        assertThat(Json.canonicalBytes(value)).isEqualTo(CanonicalJson.serializeUtf8(Json.mapper().valueToTree(value)));

        Outer refused = new Outer("too deep", null, Map.of(), nested(1_100), List.of(), null, null);
        assertThatThrownBy(() -> Json.canonicalBytes(refused)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deeper than 1000");
    }

    private static JsonNode nested(int depth) {
        ArrayNode outer = Json.mapper().createArrayNode();
        ArrayNode inner = outer;
        for (int i = 1; i < depth; i++) {
            inner = inner.addArray();
        }
        inner.add(1);
        return outer;
    }

    @Test
    void random_trees_inside_records_are_written_as_their_canonical_form() {
        Random random = new Random(20261127);
        for (int i = 0; i < 500; i++) {
            Outer value = new Outer("r" + i, null, Map.of(key(random), i), randomTree(random, 3), List.of(),
                    null, null);
            assertThat(Json.canonicalBytes(value)).as("value %d", i)
                    .isEqualTo(CanonicalJson.serializeUtf8(Json.mapper().valueToTree(value)));
        }
    }

    private static JsonNode randomTree(Random random, int depth) {
        ObjectNode node = Json.mapper().createObjectNode();
        int members = random.nextInt(5);
        for (int i = 0; i < members; i++) {
            String key = key(random);
            switch (depth == 0 ? random.nextInt(4) : random.nextInt(6)) {
                case 0 -> node.put(key, key(random));
                case 1 -> node.put(key, random.nextInt());
                case 2 -> node.put(key, random.nextBoolean());
                case 3 -> node.putNull(key);
                case 4 -> node.set(key, randomTree(random, depth - 1));
                default -> {
                    ArrayNode array = node.putArray(key);
                    array.add(randomTree(random, depth - 1)).add(random.nextLong() >> 12);
                }
            }
        }
        return node;
    }

    /** Short keys from an alphabet where UTF-16 order and code point order differ. */
    private static String key(Random random) {
        String[] pieces = {"a", "B", "é", "\u0000", "\u001f", "\"", "\\", "数", "\uFFFF", "\uD83D\uDE00", "z"};
        StringBuilder key = new StringBuilder();
        int length = 1 + random.nextInt(3);
        for (int i = 0; i < length; i++) {
            key.append(pieces[random.nextInt(pieces.length)]);
        }
        return key.toString();
    }
}
