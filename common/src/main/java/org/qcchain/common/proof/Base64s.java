package org.qcchain.common.proof;

import java.util.Base64;

/** Salts as RFC 4648 section 4 base64 with padding, read strictly: one text per byte string. */
final class Base64s {

    private Base64s() {}

    static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Decodes canonical base64 only; the JDK decoder also takes missing padding and non-zero
     * trailing bits, which would give one salt several spellings.
     *
     * @return the bytes, or {@code null} if {@code text} is not canonical base64
     */
    static byte[] decodeStrict(String text) {
        if (text == null) {
            return null;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            return encode(bytes).equals(text) ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
