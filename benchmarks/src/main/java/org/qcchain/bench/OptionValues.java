package org.qcchain.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Reading option values from the command line, alike for every benchmark, so that a bad value
 * gets the same message whichever benchmark it was given to.
 */
final class OptionValues {

    private OptionValues() {}

    /** @return the value after option {@code name}, at {@code index} */
    static String value(String[] args, int index, String name) {
        if (index >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[index];
    }

    /** @return the items of a comma-separated value */
    static List<String> list(String value) {
        return Arrays.asList(value.split(","));
    }

    /** @return the numbers of a comma-separated value, each at least 1 */
    static List<Integer> positives(String name, String value) {
        return list(value).stream().map(v -> positive(name, v)).toList();
    }

    /** @return the value as a number of at least 1 */
    static int positive(String name, String value) {
        int number;
        try {
            number = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + value + "'", e);
        }
        if (number < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + number);
        }
        return number;
    }
}
