package org.qcchain.common.proof;

import java.util.function.Predicate;

/**
 * The syntax of identifiers inside proofs; the same patterns the chaincode enforces, so that a
 * record committed here can always be anchored and requested there. None of them admits {@code |},
 * which makes the salt-derivation input of {@link DerivedSaltSource} unambiguous.
 *
 * <p>Each rule is checked by a scan written for it rather than by its regular expression: every
 * record a node reads from a provider store is checked again as it is built (dataset, record id,
 * subject, each field name), and the regular expressions were a few per cent of the node's work
 * per data request. The expressions stay as the rules' definition, in messages, and in the test
 * that compares each scan with its expression.
 */
final class Syntax {

    /** A syntax rule: a scan of a string, and the regular expression that matches exactly what the scan accepts. */
    static final class Rule {
        private final String regex;
        private final Predicate<String> scan;

        private Rule(String regex, Predicate<String> scan) {
            this.regex = regex;
            this.scan = scan;
        }

        /** The regular expression, for messages. */
        String pattern() {
            return regex;
        }

        boolean matches(String value) {
            return value != null && scan.test(value);
        }
    }

    /** Dataset ids such as {@code vehicle.registration}. */
    static final Rule DATASET_ID = new Rule("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*){1,4}", Syntax::isDatasetId);
    /** Opaque record ids chosen by the provider. */
    static final Rule RECORD_ID = new Rule("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}", Syntax::isRecordId);
    /** Field names inside a dataset. */
    static final Rule FIELD_NAME = new Rule("[a-zA-Z][a-zA-Z0-9_]{0,63}", Syntax::isFieldName);
    /** Subject pseudonyms and hashes: 64 lowercase hex characters. */
    static final Rule HEX_256 = new Rule("[0-9a-f]{64}", Syntax::isHex256);

    /** The largest integer every JSON implementation reads exactly, as RFC 8785 requires. */
    static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    /** Fields per record: enough for any catalogue entry, small enough to bound a disclosure. */
    static final int MAX_FIELDS = 256;

    private Syntax() {}

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

    private static boolean isRecordId(String value) {
        int length = value.length();
        if (length == 0 || length > 128 || !isAlphanumeric(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = value.charAt(i);
            if (!isAlphanumeric(c) && c != '.' && c != '_' && c != ':' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isFieldName(String value) {
        int length = value.length();
        if (length == 0 || length > 64 || !isLetter(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = value.charAt(i);
            if (!isAlphanumeric(c) && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex256(String value) {
        if (value.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = value.charAt(i);
            if (!isDigit(c) && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return isLower(c) || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAlphanumeric(char c) {
        return isLetter(c) || isDigit(c);
    }
}
