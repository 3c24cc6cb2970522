package org.qcchain.common.proof;

import java.util.HexFormat;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.syntax.IdentifierRule;

/**
 * Decoding of received proof parts; anything not exactly as specified fails with {@link
 * ProofFailure#MALFORMED}, and messages name the part, never its content.
 */
final class Wire {

    private static final HexFormat HEX = HexFormat.of();

    private Wire() {}

    static void checkFormat(String what, String format) throws ProofException {
        if (format == null) {
            throw new ProofException(ProofFailure.MALFORMED, what + " has no format");
        }
        if (!ProofFormat.VERSION.equals(format)) {
            throw new ProofException(ProofFailure.FORMAT_UNSUPPORTED,
                    what + " has format '" + abbreviate(format) + "', expected " + ProofFormat.VERSION);
        }
    }

    static void checkSuite(String what, CryptoSuite actual, CryptoSuite expected) throws ProofException {
        if (actual == null) {
            throw new ProofException(ProofFailure.MALFORMED, what + " names no suite");
        }
        if (actual != expected) {
            throw new ProofException(ProofFailure.SUITE_MISMATCH,
                    what + " uses " + actual + ", expected " + expected);
        }
    }

    /** A hash: exactly 64 lowercase hex characters, decoded. */
    static byte[] hash(String what, String hex) throws ProofException {
        if (!Syntax.HEX_256.matches(hex)) {
            throw new ProofException(ProofFailure.MALFORMED, what + " is not 64 lowercase hex characters");
        }
        return HEX.parseHex(hex);
    }

    static void check(String what, String value, IdentifierRule rule) throws ProofException {
        if (!rule.matches(value)) {
            throw new ProofException(ProofFailure.MALFORMED, what + " is missing or does not match "
                    + rule.pattern());
        }
    }

    /** A salt: canonical padded base64 of exactly 32 bytes, decoded. */
    static byte[] salt(String what, String base64) throws ProofException {
        byte[] salt = Base64s.decodeStrict(base64);
        if (salt == null || salt.length != ProofFormat.SALT_LENGTH) {
            throw new ProofException(ProofFailure.MALFORMED,
                    what + " is not the padded base64 of " + ProofFormat.SALT_LENGTH + " bytes");
        }
        return salt;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
