package org.qcchain.common.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.util.Set;
import java.util.UUID;

/** Names the JSON shape a Java class is read from, for "expected ..." messages. */
final class ScalarKinds {

    private static final Set<Class<?>> STRINGS = Set.of(
            String.class, CharSequence.class, char.class, Character.class, UUID.class, URI.class,
            URL.class);
    private static final Set<Class<?>> INTEGERS = Set.of(
            int.class, Integer.class, long.class, Long.class, short.class, Short.class, byte.class,
            Byte.class, BigInteger.class);
    private static final Set<Class<?>> NUMBERS = Set.of(
            double.class, Double.class, float.class, Float.class, BigDecimal.class, Number.class);

    private ScalarKinds() {}

    static String describe(Class<?> type) {
        if (STRINGS.contains(type)) {
            return "a string";
        }
        if (INTEGERS.contains(type)) {
            return "an integer";
        }
        if (NUMBERS.contains(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return "an object";
    }
}
