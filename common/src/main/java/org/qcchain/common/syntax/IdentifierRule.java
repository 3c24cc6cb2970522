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

    /** Organisation MSP ids, as Fabric allows them in practice. */
    public static final IdentifierRule MSP_ID = new IdentifierRule("[A-Za-z0-9][A-Za-z0-9.-]{0,63}",
            IdentifierRule::isMspId);
    /** Ids chosen by a client or provider: records, agreements, consents, batches, nonces. */
    public static final IdentifierRule RECORD_ID = new IdentifierRule("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}",
            IdentifierRule::isRecordId);
    /** Dataset ids such as {@code vehicle.registration}. */
    public static final IdentifierRule DATASET_ID = new IdentifierRule("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*){1,4}",
            IdentifierRule::isDatasetId);
    /** Field names inside a dataset. */
    public static final IdentifierRule FIELD_NAME = new IdentifierRule("[a-zA-Z][a-zA-Z0-9_]{0,63}",
            IdentifierRule::isFieldName);
    /** Codes such as the purpose {@code LOAN_UNDERWRITING}. */
    public static final IdentifierRule CODE = new IdentifierRule("[A-Z][A-Z0-9_]{2,47}", IdentifierRule::isCode);
    /** Hashes and subject pseudonyms: 64 lowercase hex characters. */
    public static final IdentifierRule HEX_256 = new IdentifierRule("[0-9a-f]{64}", IdentifierRule::isHex256);

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

    // one loop per rule, not one loop calling a test per character: a call site shared by all
    // rules would not be inlined

    private static boolean isMspId(String value) {
        int length = value.length();
        if (length == 0 || length > 64 || !isAlphanumeric(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = value.charAt(i);
            if (!isAlphanumeric(c) && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
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

    private static boolean isCode(String value) {
        int length = value.length();
        if (length < 3 || length > 48 || !isUpper(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = value.charAt(i);
            if (!isUpper(c) && !isDigit(c) && c != '_') {
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

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return isLower(c) || isUpper(c);
    }

    private static boolean isAlphanumeric(char c) {
        return isLetter(c) || isDigit(c);
    }
}
