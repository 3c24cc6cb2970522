package org.qcchain.common.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random trees shaped like signed answers (base64, hex, PEM, Chinese text, emoji, escapes, every
 * kind of number node) give exactly the bytes of {@link ReferenceCanonicalWriter}, and are rejected
 * with exactly its message. Fixed seeds keep every run and every failure reproducible.
 */
class CanonicalJsonMatchesReferenceTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String HEX = "0123456789abcdef";
    private static final String ESCAPED_ASCII = "\"\\\n\r\t\b\f\u0000\u0001\u001f\u007f?/ ";
    private static final String NON_ASCII = "\u0080é\u07ff\u0800中文数据签名泉城链，\u2028\ufb33\uff61\uffff";
    private static final String[] PAIRS = {"\ud83d\ude00", "\ud800\udc00", "\udbff\udfff", "\ud83c\udde8"};

    static Stream<Long> seeds() {
        return Stream.iterate(1L, seed -> seed + 1).limit(400);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void utf8_bytes_equal_the_reference_writers_text_and_the_text_form(long seed) {
        JsonNode tree = new Trees(new Random(seed), false).tree(0);

        byte[] utf8 = CanonicalJson.serializeUtf8(tree);

        assertThat(utf8).isEqualTo(ReferenceCanonicalWriter.serialize(tree).getBytes(UTF_8));
        assertThat(utf8).isEqualTo(CanonicalJson.serialize(tree).getBytes(UTF_8));
    }

    @Test
    void rejects_exactly_the_trees_the_reference_writer_rejects_with_its_message() {
        int rejected = 0;
        for (long seed = 1; seed <= 1_000; seed++) {
            JsonNode tree = new Trees(new Random(seed), true).tree(0);

            Throwable expected = catchThrowable(() -> ReferenceCanonicalWriter.serialize(tree));
            Throwable actual = catchThrowable(() -> CanonicalJson.serializeUtf8(tree));

            if (expected == null) {
                assertThat(actual).as("seed %d", seed).isNull();
                assertThat(CanonicalJson.serializeUtf8(tree)).as("seed %d", seed)
                        .isEqualTo(ReferenceCanonicalWriter.serialize(tree).getBytes(UTF_8));
            } else {
                rejected++;
                assertThat(actual).as("seed %d", seed)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage(expected.getMessage());
            }
        }
        // both outcomes are exercised often, or the comparison above would prove little
        assertThat(rejected).isBetween(200, 800);
    }

    /** Random trees; with {@code defects}, some leaves are values canonical JSON must reject. */
    private record Trees(Random random, boolean defects) {

        JsonNode tree(int depth) {
            int kind = random.nextInt(depth >= 4 ? 3 : 5);
            return switch (kind) {
                case 0 -> NODES.textNode(text());
                case 1 -> number();
                case 2 -> scalar();
                case 3 -> {
                    ArrayNode array = NODES.arrayNode();
                    for (int i = random.nextInt(12); i > 0; i--) {
                        array.add(tree(depth + 1));
                    }
                    yield array;
                }
                default -> {
                    ObjectNode object = NODES.objectNode();
                    for (int i = random.nextInt(12); i > 0; i--) {
                        object.set(random.nextInt(4) == 0 ? text() : name(), tree(depth + 1));
                    }
                    yield object;
                }
            };
        }

        private JsonNode scalar() {
            return switch (random.nextInt(4)) {
                case 0 -> NODES.booleanNode(random.nextBoolean());
                case 1 -> NODES.nullNode();
                case 2 -> NODES.binaryNode(randomBytes());
                default -> NODES.textNode(run(BASE64, 64));
            };
        }

        private String name() {
            String[] names = {"signature", "certificate", "hash", "merkleRoot", "标题", "datasetId", "a",
                "\uff61", "\ud83d\ude00", "é", "key\"quoted\"", "tab\tname", ""};
            return names[random.nextInt(names.length)] + (random.nextBoolean() ? "" : random.nextInt(100));
        }

        private String text() {
            String text = switch (random.nextInt(6)) {
                case 0 -> run(BASE64, 700) + (random.nextBoolean() ? "==" : "");
                case 1 -> run(HEX, 130);
                case 2 -> pem();
                case 3 -> mixed(ESCAPED_ASCII + BASE64, 300);
                case 4 -> mixed(NON_ASCII + BASE64 + ESCAPED_ASCII, 200);
                default -> run(NON_ASCII, 40);
            };
            return defects && random.nextInt(40) == 0 ? withUnpairedSurrogate(text) : text;
        }

        private String pem() {
            StringBuilder pem = new StringBuilder("-----BEGIN CERTIFICATE-----\n");
            for (int line = random.nextInt(12); line > 0; line--) {
                pem.append(run(BASE64, 64)).append('\n');
            }
            return pem.append("-----END CERTIFICATE-----\n").toString();
        }

        private String run(String alphabet, int maxLength) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return text.toString();
        }

        private String mixed(String alphabet, int maxLength) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
                if (random.nextInt(20) == 0) {
                    text.append(PAIRS[random.nextInt(PAIRS.length)]);
                } else {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            return text.toString();
        }

        private String withUnpairedSurrogate(String text) {
            char lone = random.nextBoolean() ? (char) (0xd800 + random.nextInt(0x400))
                    : (char) (0xdc00 + random.nextInt(0x400));
            int at = random.nextInt(text.length() + 1);
            // never between the halves of a pair: before a high or after a low half, a lone one stays lone
            if (at > 0 && at < text.length() && Character.isHighSurrogate(text.charAt(at - 1))) {
                at--;
            }
            return text.substring(0, at) + lone + text.substring(at);
        }

        private byte[] randomBytes() {
            byte[] bytes = new byte[random.nextInt(200)];
            random.nextBytes(bytes);
            return bytes;
        }

        private JsonNode number() {
            long exact = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(201) - 100;
                case 1 -> random.nextInt();
                case 2 -> random.nextBoolean() ? (1L << 53) - 1 : -(1L << 53) + 1;
                default -> random.nextLong() % (1L << 53);
            };
            if (defects && random.nextInt(25) == 0) {
                return defect();
            }
            return switch (random.nextInt(7)) {
                case 0 -> exact == (int) exact ? NODES.numberNode((int) exact) : NODES.numberNode(exact);
                case 1 -> NODES.numberNode(exact);
                case 2 -> NODES.numberNode(BigInteger.valueOf(exact));
                case 3 -> NODES.numberNode((double) exact);
                case 4 -> NODES.numberNode(new BigDecimal(BigInteger.valueOf(exact).multiply(BigInteger.TEN.pow(3)), 3));
                case 5 -> NODES.numberNode((short) exact);
                default -> NODES.numberNode(random.nextBoolean() ? -0.0 : (float) (exact % 1_000_000));
            };
        }

        private JsonNode defect() {
            return switch (random.nextInt(6)) {
                case 0 -> NODES.numberNode(1L << 53);
                case 1 -> NODES.numberNode(BigInteger.TWO.pow(64 + random.nextInt(10)).negate());
                case 2 -> NODES.numberNode(0.5 + random.nextInt(100));
                case 3 -> NODES.numberNode(new BigDecimal("1.25"));
                case 4 -> NODES.numberNode(Double.NaN);
                default -> NODES.numberNode(Long.MIN_VALUE);
            };
        }
    }
}
