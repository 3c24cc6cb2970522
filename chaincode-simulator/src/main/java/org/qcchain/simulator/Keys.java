package org.qcchain.simulator;

/** Key helpers shared by the stub and the validator. */
final class Keys {

    private Keys() {}

    /**
     * Rejects a key that is not well-formed UTF-16. Protobuf would send an unpaired surrogate to a
     * peer as {@code '?'}, so such a key can never mean on Fabric what it says here.
     */
    static void requireWellFormed(String key, String what) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < key.length()
                    && Character.isLowSurrogate(key.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(
                        what + " is not valid UTF-8: unpaired surrogate at index " + i + " of "
                                + printable(key));
            }
        }
    }

    /**
     * A key for messages: composite-key delimiters ({@code U+0000}), other control characters and
     * {@code U+10FFFF} written as escapes, the whole quoted.
     */
    static String printable(String key) {
        StringBuilder out = new StringBuilder(key.length() + 2).append('\'');
        key.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || cp == Character.MAX_CODE_POINT) {
                out.append(cp > 0xFFFF ? String.format("\\U%06X", cp) : String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('\'').toString();
    }
}
