package org.qcchain.common.syntax;

import java.util.function.Predicate;

/**
 * One identifier syntax: a scan written for it, and the regular expression that matches exactly
 * the strings the scan accepts. The expression is the rule's definition, given in messages and
 * compared with the scan by a test; the scan is what runs, because the regular expressions were a
 * few per cent of the node's and the chaincode's work per data request (every record read from a
 * provider store, every argument of a transaction is checked).
 */
public final class IdentifierRule {

    private static final boolean[] LETTER_OR_DIGIT = chars("A-Z", "a-z", "0-9");
    private static final boolean[] LETTER = chars("A-Z", "a-z");
    private static final boolean[] UPPER = chars("A-Z");
    private static final boolean[] LOWER_HEX = chars("0-9", "a-f");

    /** Organisation MSP ids, as Fabric allows them in practice. */
    public static final IdentifierRule MSP_ID = run("[A-Za-z0-9][A-Za-z0-9.-]{0,63}", 1, 64, LETTER_OR_DIGIT,
            chars("A-Z", "a-z", "0-9", ".", "-"));
    /** Ids chosen by a client or provider: records, agreements, consents, batches, nonces. */
    public static final IdentifierRule RECORD_ID = run("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}", 1, 128,
            LETTER_OR_DIGIT, chars("A-Z", "a-z", "0-9", ".", "_", ":", "-"));
    /** Dataset ids such as {@code vehicle.registration}. */
    public static final IdentifierRule DATASET_ID = new IdentifierRule("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*){1,4}",
            IdentifierRule::isDatasetId);
    /** Field names inside a dataset. */
    public static final IdentifierRule FIELD_NAME = run("[a-zA-Z][a-zA-Z0-9_]{0,63}", 1, 64, LETTER,
            chars("A-Z", "a-z", "0-9", "_"));
    /** Codes such as the purpose {@code LOAN_UNDERWRITING}. */
    public static final IdentifierRule CODE = run("[A-Z][A-Z0-9_]{2,47}", 3, 48, UPPER, chars("A-Z", "0-9", "_"));
    /** Hashes and subject pseudonyms: 64 lowercase hex characters. */
    public static final IdentifierRule HEX_256 = run("[0-9a-f]{64}", 64, 64, LOWER_HEX, LOWER_HEX);

    private final String regex;
    private final Predicate<String> scan;

    private IdentifierRule(String regex, Predicate<String> scan) {
        this.regex = regex;
        this.scan = scan;
    }

    /** The regular expression, for messages. */
    public String pattern() {
        return regex;
    }

    /** Whether {@code value} is not null and follows the rule. */
    public boolean matches(String value) {
        return value != null && scan.test(value);
    }

    @Override
    public String toString() {
        return regex;
    }

    /**
     * A rule of the form {@code [first][rest]{min-1,max-1}}. The character classes are tables
     * rather than tests passed in, so the one loop all these rules share has no call in it to stay
     * un-inlined.
     */
    private static IdentifierRule run(String regex, int minLength, int maxLength, boolean[] first, boolean[] rest) {
        return new IdentifierRule(regex, value -> isRun(value, minLength, maxLength, first, rest));
    }

    private static boolean isRun(String value, int minLength, int maxLength, boolean[] first, boolean[] rest) {
        int length = value.length();
        if (length < minLength || length > maxLength || !isIn(first, value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            if (!isIn(rest, value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIn(boolean[] ascii, char c) {
        return c < ascii.length && ascii[c];
    }

    /** An ASCII character class from ranges such as {@code "a-z"} and single characters such as {@code "_"}. */
    private static boolean[] chars(String... parts) {
        boolean[] ascii = new boolean[128];
        for (String part : parts) {
            char from = part.charAt(0);
            char to = part.length() == 3 ? part.charAt(2) : from;
            for (char c = from; c <= to; c++) {
                ascii[c] = true;
            }
        }
        return ascii;
    }

    /** Two to five segments {@code [a-z][a-z0-9_]*}, joined by single dots. */
    private static boolean isDatasetId(String value) {
        int length = value.length();
        int segments = 0;
        int i = 0;
        while (true) {
            if (i == length || !isLower(value.charAt(i))) {
                return false;
            }
            i++;
            while (i < length && (isLower(value.charAt(i)) || isDigit(value.charAt(i)) || value.charAt(i) == '_')) {
                i++;
            }
            segments++;
            if (i == length) {
                return segments >= 2 && segments <= 5;
            }
            if (value.charAt(i) != '.') {
                return false;
            }
            i++;
        }
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
