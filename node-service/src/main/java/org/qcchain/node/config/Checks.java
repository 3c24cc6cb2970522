package org.qcchain.node.config;

/** Value checks whose messages name the configuration key, for the operator. */
final class Checks {

    private Checks() {}

    static <T> T present(T value, String key) {
        rule(value != null, key + " must be set");
        return value;
    }

    static void notBlank(String value, String key) {
        rule(value != null && !value.isBlank(), key + " must be set");
    }

    static void range(int value, int min, int max, String key) {
        rule(value >= min && value <= max,
                key + " must be between " + min + " and " + max + ", was " + value);
    }

    static void rule(boolean holds, String message) {
        if (!holds) {
            throw new IllegalArgumentException(message);
        }
    }
}
