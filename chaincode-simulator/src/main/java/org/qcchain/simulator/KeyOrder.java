package org.qcchain.simulator;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The order of keys in Fabric's world state: by Unicode code point, which is the order of their
 * UTF-8 bytes, as LevelDB sorts them.
 *
 * <p>{@link String#compareTo} compares UTF-16 code units instead and puts a supplementary-plane
 * character (a surrogate pair, {@code U+D800..U+DFFF}) <em>before</em> {@code U+E000..U+FFFF};
 * Fabric puts it after. Range queries and partial composite keys ({@code [prefix, prefix +
 * U+10FFFF)}) depend on the difference, so every sorted structure of keys here uses {@link
 * #COMPARATOR}.
 */
public final class KeyOrder {

    /** Compares keys by code point; consistent with {@code equals}. */
    public static final Comparator<String> COMPARATOR = KeyOrder::compare;

    private KeyOrder() {}

    /**
     * Compares two keys by code point.
     *
     * @return negative, zero or positive as {@code a} sorts before, equal to or after {@code b}
     */
    public static int compare(String a, String b) {
        int common = Math.min(a.length(), b.length());
        for (int i = 0; i < common; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return Integer.compare(codePointRank(x), codePointRank(y));
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /**
     * Sorts keys by code point. When no key holds a code unit from {@code U+D800} on (no surrogate,
     * nothing the two orders disagree on), which is the usual case, it sorts by {@link
     * String#compareTo}: the same order, and several times faster on long keys with long common
     * prefixes, since the JVM compares strings with vector instructions.
     */
    public static void sort(String[] keys) {
        Arrays.sort(keys, allBelowSurrogates(keys) ? Comparator.naturalOrder() : COMPARATOR);
    }

    private static boolean allBelowSurrogates(String[] keys) {
        for (String key : keys) {
            for (int i = 0; i < key.length(); i++) {
                if (key.charAt(i) >= Character.MIN_SURROGATE) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The smallest key that sorts after {@code key}: turns an inclusive end into an exclusive one.
     */
    static String successor(String key) {
        return key + '\u0000';
    }

    /**
     * Moves surrogates above {@code U+E000..U+FFFF} and keeps everything else in order, so that
     * comparing the first differing code units of well-formed strings orders them by code point.
     */
    private static int codePointRank(char c) {
        if (c < Character.MIN_SURROGATE) {
            return c;
        }
        return Character.isSurrogate(c) ? c + 0x2000 : c - 0x800;
    }
}
