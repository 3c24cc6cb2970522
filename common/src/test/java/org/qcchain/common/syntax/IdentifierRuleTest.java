package org.qcchain.common.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each rule's scan accepts exactly the strings its regular expression matches. */
class IdentifierRuleTest {

    private static final List<IdentifierRule> RULES = List.of(IdentifierRule.MSP_ID, IdentifierRule.RECORD_ID,
            IdentifierRule.DATASET_ID, IdentifierRule.FIELD_NAME, IdentifierRule.CODE, IdentifierRule.HEX_256);
    /** Every character class the rules tell apart, their edges, and characters none of them admits. */
    private static final String ALPHABET = "abcfgxyzABFGZ0189._:-|/ \n\u00e9\u4e2d@`{[";

    @Test
    void scans_agree_with_the_regular_expressions_on_random_and_mutated_strings() {
        SplittableRandom random = new SplittableRandom(20261126);
        int accepted = 0;
        for (IdentifierRule rule : RULES) {
            Pattern pattern = Pattern.compile(rule.pattern());
            for (int i = 0; i < 30_000; i++) {
                String candidate = i % 2 == 0 ? randomString(random) : mutate(random, valid(rule, random));
                boolean expected = pattern.matcher(candidate).matches();
                assertThat(rule.matches(candidate)).as("%s on '%s'", rule.pattern(), candidate).isEqualTo(expected);
                accepted += expected ? 1 : 0;
            }
        }
        // the mutated valid strings keep many inputs on the accepting side
        assertThat(accepted).isGreaterThan(10_000);
    }

    @Test
    void edges_of_each_rule() {
        assertThat(IdentifierRule.DATASET_ID.matches("vehicle.registration")).isTrue();
        assertThat(IdentifierRule.DATASET_ID.matches("a.b.c.d.e")).isTrue();
        assertThat(IdentifierRule.DATASET_ID.matches("a.b.c.d.e.f")).as("six segments").isFalse();
        assertThat(IdentifierRule.DATASET_ID.matches("vehicle")).as("one segment").isFalse();
        assertThat(IdentifierRule.DATASET_ID.matches("vehicle..registration")).isFalse();
        assertThat(IdentifierRule.DATASET_ID.matches("vehicle.registration.")).isFalse();
        assertThat(IdentifierRule.DATASET_ID.matches("vehicle._x")).isFalse();
        assertThat(IdentifierRule.RECORD_ID.matches("a".repeat(128))).isTrue();
        assertThat(IdentifierRule.RECORD_ID.matches("a".repeat(129))).isFalse();
        assertThat(IdentifierRule.RECORD_ID.matches("-a")).isFalse();
        assertThat(IdentifierRule.RECORD_ID.matches("r:1.2_3-4")).isTrue();
        assertThat(IdentifierRule.FIELD_NAME.matches("f".repeat(64))).isTrue();
        assertThat(IdentifierRule.FIELD_NAME.matches("f".repeat(65))).isFalse();
        assertThat(IdentifierRule.FIELD_NAME.matches("1f")).isFalse();
        assertThat(IdentifierRule.HEX_256.matches("0".repeat(63) + "f")).isTrue();
        assertThat(IdentifierRule.HEX_256.matches("0".repeat(63) + "F")).isFalse();
        assertThat(IdentifierRule.HEX_256.matches("0".repeat(65))).isFalse();
        assertThat(IdentifierRule.MSP_ID.matches("QiluBankMSP")).isTrue();
        assertThat(IdentifierRule.MSP_ID.matches("a".repeat(65))).isFalse();
        assertThat(IdentifierRule.MSP_ID.matches(".a")).isFalse();
        assertThat(IdentifierRule.CODE.matches("LOAN_UNDERWRITING")).isTrue();
        assertThat(IdentifierRule.CODE.matches("AB")).as("two characters").isFalse();
        assertThat(IdentifierRule.CODE.matches("A".repeat(48))).isTrue();
        assertThat(IdentifierRule.CODE.matches("A".repeat(49))).isFalse();
        assertThat(IdentifierRule.CODE.matches("_AB")).isFalse();
        for (IdentifierRule rule : RULES) {
            assertThat(rule.matches(null)).isFalse();
            assertThat(rule.matches("")).isFalse();
        }
    }

    private static String randomString(SplittableRandom random) {
        int length = random.nextInt(0, 70);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private static String valid(IdentifierRule rule, SplittableRandom random) {
        if (rule == IdentifierRule.DATASET_ID) {
            StringBuilder id = new StringBuilder("ab_1");
            for (int segments = random.nextInt(1, 6); segments > 0; segments--) {
                id.append(".s").append(random.nextInt(100));
            }
            return id.toString();
        }
        if (rule == IdentifierRule.RECORD_ID) {
            return "R" + "a1._:-".repeat(random.nextInt(0, 25));
        }
        if (rule == IdentifierRule.FIELD_NAME) {
            return "f" + "A9_".repeat(random.nextInt(0, 23));
        }
        if (rule == IdentifierRule.MSP_ID) {
            return "Q" + "a1.-".repeat(random.nextInt(0, 17));
        }
        if (rule == IdentifierRule.CODE) {
            return "L" + "A9_".repeat(random.nextInt(0, 17));
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            hex.append("0123456789abcdef".charAt(random.nextInt(16)));
        }
        return hex.toString();
    }

    /** Leaves the string as it is, or changes, inserts or removes one character. */
    private static String mutate(SplittableRandom random, String text) {
        StringBuilder mutated = new StringBuilder(text);
        int at = random.nextInt(text.length() + 1);
        char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        int change = random.nextInt(4);
        if (change == 1) {
            mutated.insert(at, c);
        } else if (change == 2 && at < mutated.length()) {
            mutated.setCharAt(at, c);
        } else if (change == 3 && at < mutated.length()) {
            mutated.deleteCharAt(at);
        }
        return mutated.toString();
    }
}
