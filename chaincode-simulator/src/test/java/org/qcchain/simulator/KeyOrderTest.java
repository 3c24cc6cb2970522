package org.qcchain.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyOrderTest {

    private static final String PRIVATE_USE = "\uE000";
    private static final String REPLACEMENT = "\uFFFD";
    private static final String EMOJI = new String(Character.toChars(0x1F600));
    private static final String MAX = new String(Character.toChars(Character.MAX_CODE_POINT));

    @Test
    void sorts_a_supplementary_character_after_the_end_of_the_basic_plane() {
        assertThat(KeyOrder.compare(EMOJI, PRIVATE_USE)).isPositive();
        assertThat(KeyOrder.compare(EMOJI, REPLACEMENT)).isPositive();
        assertThat(EMOJI.compareTo(PRIVATE_USE)).as("UTF-16 order differs").isNegative();
    }

    @Test
    void sorts_the_highest_code_point_after_every_other_character() {
        assertThat(KeyOrder.compare("k" + MAX, "k" + EMOJI)).isPositive();
        assertThat(KeyOrder.compare("k" + MAX, "k" + REPLACEMENT)).isPositive();
    }

    @Test
    void agrees_with_unsigned_utf8_byte_order() {
        Random random = new Random(20250106);
        int[] interesting = {0x00, 0x01, 0x41, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD,
                0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            StringBuilder key = new StringBuilder();
            int length = random.nextInt(4);
            for (int j = 0; j < length; j++) {
                key.appendCodePoint(interesting[random.nextInt(interesting.length)]);
            }
            keys.add(key.toString());
        }
        for (String a : keys) {
            for (String b : keys) {
                assertThat(Integer.signum(KeyOrder.compare(a, b)))
                        .as("%s vs %s", Keys.printable(a), Keys.printable(b))
                        .isEqualTo(Integer.signum(Arrays.compareUnsigned(a.getBytes(UTF_8),
                                b.getBytes(UTF_8))));
            }
        }
    }

    @Test
    void sorts_arrays_by_code_point_with_and_without_characters_the_utf16_order_puts_elsewhere() {
        Random random = new Random(20261127);
        String[] plain = {"\u0000access\u0000s\u0000", "\u0000access\u0000c\u0000", "济南", "泉城链", "a", "", "ab",
            "\u00ff", "\uD7FF"};
        for (String[] keys : new String[][] {plain, withExtra(plain, PRIVATE_USE + "x", EMOJI, REPLACEMENT, MAX)}) {
            List<String> many = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                many.add(keys[random.nextInt(keys.length)] + keys[random.nextInt(keys.length)] + i % 7);
            }
            String[] sorted = many.toArray(String[]::new);
            KeyOrder.sort(sorted);

            assertThat(sorted).containsExactlyElementsOf(many.stream()
                    .sorted((a, b) -> Arrays.compareUnsigned(a.getBytes(UTF_8), b.getBytes(UTF_8))).toList());
        }
    }

    private static String[] withExtra(String[] keys, String... more) {
        String[] all = Arrays.copyOf(keys, keys.length + more.length);
        System.arraycopy(more, 0, all, keys.length, more.length);
        return all;
    }

    @Test
    void a_prefix_sorts_before_its_extensions() {
        assertThat(KeyOrder.compare("asset", "asset1")).isNegative();
        assertThat(KeyOrder.compare("asset", "asset")).isZero();
    }

    @Test
    void the_successor_of_a_key_is_the_next_possible_key() {
        String next = KeyOrder.successor("a");
        assertThat(KeyOrder.compare("a", next)).isNegative();
        assertThat(KeyOrder.compare(next, "a" + "\u0001")).isNegative();
    }
}
