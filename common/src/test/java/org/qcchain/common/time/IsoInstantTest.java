package org.qcchain.common.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link IsoInstant} gives exactly the JDK's results, on the fast path and off it. */
class IsoInstantTest {

    private static final long FIRST_SECOND = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    private static final String MUTATIONS = "0123456789-:.TZtz+ 9";

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-31T09:00:00Z", "2026-01-31T09:00:00.1Z", "2026-01-31T09:00:00.123456789Z",
        "2024-02-29T23:59:59.999Z", "2000-02-29T00:00:00Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.5Z",
        "0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
        "2026-04-30T12:00:00.000Z", "2026-12-31T00:00:00.000000Z"})
    void readsTheCommonFormAsTheJdkDoes(String text) {
        assertThat(IsoInstant.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2026-04-31T00:00:00Z",
        "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z", "2026-01-00T00:00:00Z", 
        "2026-01-01T23:60:00Z", "2026-01-01T00:00:00.1234567890Z", "2026-01-01 00:00:00Z",
        "2026-01-01T00:00:00", "2026-1-01T00:00:00Z", "", "Z"})
    void refusesWhatTheJdkRefusesWithItsMessage(String text) {
        DateTimeParseException expected = jdkRefusal(text);
        assertThatThrownBy(() -> IsoInstant.parse(text))
                .isInstanceOf(DateTimeParseException.class)
                .hasMessage(expected.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-31t09:00:00z", "2026-06-30T23:59:60Z", "+10000-01-01T00:00:00Z",
        "2026-01-31T09:00:00.5+00:00", "2026-01-01T00:00:00+01:00", "2026-01-01T24:00:00Z", "2026-01-01T00:00:00.Z"})
    void leavesOtherFormsToTheJdk(String text) {
        assertThat(IsoInstant.parse(text)).isEqualTo(Instant.parse(text));
    }

    @Test
    void randomInstantsWithAnyFractionLengthReadAsTheJdkReadsThem() {
        Random random = new Random(20261126);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = randomInstant(random);
            String text = withFractionDigits(instant, random.nextInt(10));
            assertThat(IsoInstant.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void mutatedTextGivesTheJdkResultOrTheJdkError() {
        Random random = new Random(7);
        int refused = 0;
        for (int i = 0; i < 50_000; i++) {
            String text = mutate(withFractionDigits(randomInstant(random), random.nextInt(10)), random);
            Object expected = outcome(text, true);
            Object actual = outcome(text, false);
            assertThat(actual).as(text).isEqualTo(expected);
            if (expected instanceof String) {
                refused++;
            }
        }
        assertThat(refused).as("the mutations reach the refusals too").isGreaterThan(10_000);
    }

    @Test
    void formatsAsInstantToString() {
        Random random = new Random(11);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.MIN, Instant.MAX,
                Instant.parse("0000-12-31T23:59:59.999999999Z"), Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.ofEpochSecond(-1, 1), Instant.ofEpochSecond(0, 1_000), Instant.ofEpochSecond(0, 10_000_000)));
        for (int i = 0; i < 20_000; i++) {
            Instant instant = randomInstant(random);
            int nanos = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(instant.getEpochSecond(), nanos));
        }
        for (Instant instant : instants) {
            assertThat(IsoInstant.format(instant)).isEqualTo(instant.toString());
        }
    }

    private static Instant randomInstant(Random random) {
        long second = FIRST_SECOND + (long) (random.nextDouble() * (LAST_SECOND - FIRST_SECOND));
        return Instant.ofEpochSecond(second, random.nextInt(1_000_000_000));
    }

    /** The instant's text with exactly {@code digits} fraction digits (truncated). */
    private static String withFractionDigits(Instant instant, int digits) {
        String whole = Instant.ofEpochSecond(instant.getEpochSecond()).toString();
        if (digits == 0) {
            return whole;
        }
        String nanos = String.format("%09d", instant.getNano());
        return whole.substring(0, whole.length() - 1) + "." + nanos.substring(0, digits) + "Z";
    }

    private static String mutate(String text, Random random) {
        StringBuilder out = new StringBuilder(text);
        int changes = 1 + random.nextInt(2);
        for (int i = 0; i < changes; i++) {
            int at = random.nextInt(out.length() + 1);
            char c = MUTATIONS.charAt(random.nextInt(MUTATIONS.length()));
            switch (random.nextInt(3)) {
                case 0 -> out.insert(at, c);
                case 1 -> {
                    if (at < out.length()) {
                        out.deleteCharAt(at);
                    }
                }
                default -> {
                    if (at < out.length()) {
                        out.setCharAt(at, c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** The parsed instant, or the refusal's message. */
    private static Object outcome(String text, boolean jdk) {
        try {
            return jdk ? Instant.parse(text) : IsoInstant.parse(text);
        } catch (DateTimeParseException e) {
            return e.getMessage();
        }
    }

    private static DateTimeParseException jdkRefusal(String text) {
        try {
            Instant.parse(text);
        } catch (DateTimeParseException e) {
            return e;
        }
        throw new AssertionError(text + " was expected to be refused by the JDK");
    }
}
