package org.qcchain.sdk.examples;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The examples' {@code --name value} arguments. Every example takes {@code --data DIR} and
 * {@code --endpoint URL}, with the defaults of {@code qcchain demo} ({@code data/demo},
 * port 8080), so that a demo started without options needs no arguments at all. An unknown or
 * incomplete option is a usage error rather than ignored: a mistyped {@code --subjct-index} would
 * otherwise quietly query citizen 0.
 */
final class ExampleArgs {

    /** The options every example takes. */
    static final List<String> COMMON = List.of("data", "endpoint");

    private final Map<String, String> values;
    private final boolean help;

    private ExampleArgs(Map<String, String> values, boolean help) {
        this.values = values;
        this.help = help;
    }

    /**
     * Parses the arguments.
     *
     * @param args the command line
     * @param options the options this example takes besides {@link #COMMON}
     * @return the arguments
     * @throws UsageException if an option is unknown or has no value
     */
    static ExampleArgs parse(String[] args, List<String> options) throws UsageException {
        Set<String> known = new LinkedHashSet<>(COMMON);
        known.addAll(options);
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if ("--help".equals(args[i]) || "-h".equals(args[i])) {
                return new ExampleArgs(Map.of(), true);
            }
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!known.contains(name)) {
                throw new UsageException("unknown argument '" + args[i] + "'");
            }
            if (i + 1 >= args.length) {
                throw new UsageException("--" + name + " needs a value");
            }
            values.put(name, args[++i]);
        }
        return new ExampleArgs(values, false);
    }

    /** @return whether {@code --help} was given */
    boolean help() {
        return help;
    }

    /** @return {@code --data}, the demo's data folder */
    Path data() {
        return Path.of(text("data", "data/demo"));
    }

    /** @return {@code --endpoint}, the node's base URL */
    URI endpoint() throws UsageException {
        try {
            return URI.create(text("endpoint", "http://127.0.0.1:8080"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--endpoint is not a URL: " + e.getMessage());
        }
    }

    /**
     * @param name an option
     * @param fallback its default
     * @return its value, or the default
     */
    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /**
     * @param name an option
     * @param fallback its default
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @return its value, or the default
     * @throws UsageException if it is not a whole number in range
     */
    long number(String name, long fallback, long min, long max) throws UsageException {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value);
            if (n < min || n > max) {
                throw new UsageException("--" + name + " must be " + min + " to " + max + ", was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, was '" + value + "'");
        }
    }

    /** @return whether the option was given */
    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The command line cannot be understood; the example prints its usage and exits with 64. */
    static final class UsageException extends Exception {

        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
