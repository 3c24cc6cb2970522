package org.qcchain.common.crypto;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Turns a personal or business identifier into a keyed pseudonym, so that no identifier ever
 * reaches the ledger in clear while records about the same subject still link up.
 *
 * <p>The pseudonym is the lowercase hex HMAC (HMAC-SHA256 or HMAC-SM3, per suite) under the
 * platform key of the UTF-8 bytes of {@code TYPE + ":" + number}. Without the key, nobody can test
 * guesses (an ID number has too few possibilities for a plain hash).
 *
 * <p>The number is normalised first, so the same identifier written differently gives the same
 * pseudonym: Unicode NFKC (full-width digits and letters, common in Chinese input, become ASCII),
 * all whitespace removed, upper-cased. Exception messages never contain the identifier number.
 *
 * <pre>{@code
 * Pseudonymizer pseudonyms = new Pseudonymizer(CryptoSuite.SM2_SM3, platformKey);
 * String subject = pseudonyms.pseudonym("RESIDENT_ID", "11010519491231002x");
 * }</pre>
 */
public final class Pseudonymizer {

    /** Identifier types: RESIDENT_ID, USCC, PLATE, VIN, ... */
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

    private static final int MIN_KEY_LENGTH = 32;
    private static final int MAX_NUMBER_LENGTH = 64;

    private final CryptoSuite suite;
    private final byte[] platformKey;

    /**
     * Creates a pseudonymizer; the key is copied.
     *
     * @param suite the suite whose HMAC to use
     * @param platformKey secret key of at least 32 bytes, the same on every node of the platform
     * @throws IllegalArgumentException if the key is shorter than 32 bytes
     */
    public Pseudonymizer(CryptoSuite suite, byte[] platformKey) {
        this.suite = Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(platformKey, "platformKey");
        if (platformKey.length < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("platform key must be at least " + MIN_KEY_LENGTH
                    + " bytes, was " + platformKey.length);
        }
        this.platformKey = platformKey.clone();
    }

    /**
     * The pseudonym of an identifier, 64 lowercase hex characters.
     *
     * @param identifierType matching {@code [A-Z][A-Z0-9_]{1,31}}, e.g. {@code RESIDENT_ID}
     * @param identifierNumber the identifier; normalised as described above, then non-empty and at
     *     most 64 characters
     * @return the pseudonym
     * @throws IllegalArgumentException if either is invalid; the message does not repeat them
     */
    public String pseudonym(String identifierType, String identifierNumber) {
        checkType(identifierType);
        String number = normalise(identifierNumber);
        byte[] input = (identifierType + ":" + number).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(suite.hmac(platformKey, input));
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "Pseudonymizer[" + suite + "]";
    }

    private static void checkType(String type) {
        // the type is not echoed: a swapped argument would put the number into the message
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException(
                    "identifier type must match [A-Z][A-Z0-9_]{1,31}, e.g. RESIDENT_ID, USCC, PLATE, VIN");
        }
    }

    private static String normalise(String number) {
        if (number == null) {
            throw new IllegalArgumentException("identifier number must not be null");
        }
        String folded = Normalizer.normalize(number, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); ) {
            int codePoint = folded.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
                continue;
            }
            if (Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT) {
                throw new IllegalArgumentException("identifier number contains a control character");
            }
            out.appendCodePoint(codePoint);
        }
        String normalised = out.toString().toUpperCase(Locale.ROOT);
        if (normalised.isEmpty()) {
            throw new IllegalArgumentException("identifier number must not be empty");
        }
        if (normalised.length() > MAX_NUMBER_LENGTH) {
            throw new IllegalArgumentException(
                    "identifier number must be at most " + MAX_NUMBER_LENGTH + " characters");
        }
        return normalised;
    }
}
