package org.qcchain.common.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties over random trees; fixed seeds keep every run and every failure reproducible. */
class CanonicalJsonPropertiesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String ALPHABET =
            "aZ09 _-\"\\/\n\t\u0000\u001f\u007f\u0080é€中\ud83d\ude00\ufb33";

    static Stream<Long> seeds() {
        return Stream.iterate(1L, seed -> seed + 1).limit(200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void parsing_the_canonical_text_gives_back_the_same_tree(long seed) {
        JsonNode tree = randomTree(new Random(seed), 0);

        assertThat(Json.tree(CanonicalJson.serialize(tree))).isEqualTo(tree);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void serializing_is_idempotent(long seed) {
        String once = CanonicalJson.serialize(randomTree(new Random(seed), 0));

        assertThat(CanonicalJson.serialize(Json.tree(once))).isEqualTo(once);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void member_order_does_not_depend_on_insertion_order(long seed) {
        JsonNode tree = randomTree(new Random(seed), 0);

        assertThat(CanonicalJson.serialize(shuffled(tree, new Random(~seed))))
                .isEqualTo(CanonicalJson.serialize(tree));
    }

    private static JsonNode randomTree(Random random, int depth) {
        int kind = depth >= 4 ? random.nextInt(4) : random.nextInt(6);
        return switch (kind) {
            case 0 -> NODES.textNode(randomString(random));
            case 1 -> randomInteger(random);
            case 2 -> NODES.booleanNode(random.nextBoolean());
            case 3 -> NODES.nullNode();
            case 4 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    array.add(randomTree(random, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(6); i > 0; i--) {
                    object.set(randomString(random), randomTree(random, depth + 1));
                }
                yield object;
            }
        };
    }

    /** As the parser would produce it: IntNode when it fits, LongNode otherwise. */
    private static JsonNode randomInteger(Random random) {
        long value = switch (random.nextInt(3)) {
            case 0 -> random.nextInt(201) - 100;
            case 1 -> random.nextInt();
            default -> (random.nextLong() % (1L << 53));
        };
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }

    private static String randomString(Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            int at = random.nextInt(ALPHABET.length());
            char c = ALPHABET.charAt(at);
            if (Character.isHighSurrogate(c)) {
                out.append(c).append(ALPHABET.charAt(at + 1));
            } else if (!Character.isLowSurrogate(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static JsonNode shuffled(JsonNode node, Random random) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
            node.fields().forEachRemaining(members::add);
            Collections.shuffle(members, random);
            ObjectNode copy = NODES.objectNode();
            members.forEach(member -> copy.set(member.getKey(), shuffled(member.getValue(), random)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(element -> copy.add(shuffled(element, random)));
            return copy;
        }
        return node;
    }
}
