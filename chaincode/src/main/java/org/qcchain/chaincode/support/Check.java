package org.qcchain.chaincode.support;

import static org.qcchain.chaincode.support.ContractErrors.invalid;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.qcchain.common.syntax.IdentifierRule;
import org.qcchain.common.time.IsoInstant;

/**
 * Argument checks that end a transaction with {@code INVALID_ARGUMENT} and a message naming the
 * field and the rule broken. Messages never echo long or personal input.
 */
public final class Check {
    /** Organisation MSP ids, as Fabric allows them in practice. */
    public static final IdentifierRule MSP_ID = IdentifierRule.MSP_ID;
    /** Client-chosen record ids: agreements, consents, batches, nonces. */
    public static final IdentifierRule RECORD_ID = IdentifierRule.RECORD_ID;
    /** Dataset ids such as {@code vehicle.registration}. */
    public static final IdentifierRule DATASET_ID = IdentifierRule.DATASET_ID;
    /** Field names inside a dataset. */
    public static final IdentifierRule FIELD_NAME = IdentifierRule.FIELD_NAME;
    /** Purpose codes such as {@code LOAN_UNDERWRITING}. */
    public static final IdentifierRule CODE = IdentifierRule.CODE;
    /** Subject pseudonyms: 64 lowercase hex characters (an HMAC, never the identifier). */
    public static final IdentifierRule PSEUDONYM = IdentifierRule.HEX_256;
    /** Lowercase hex hash values. */
    public static final IdentifierRule HEX_256 = IdentifierRule.HEX_256;

    private static final int MAX_TEXT = 2_000;

    private Check() {}

    public static String matches(String field, String value, IdentifierRule rule) {
        if (value == null || value.isEmpty()) {
            throw invalid(field + " is required");
        }
        if (!rule.matches(value)) {
            throw invalid(field + " must match " + rule.pattern());
        }
        return value;
    }

    public static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is required");
        }
        return optionalText(field, value, maxLength);
    }

    public static String optionalText(String field, String value, int maxLength) {
        if (value != null && value.length() > Math.min(maxLength, MAX_TEXT)) {
            throw invalid(field + " is longer than " + Math.min(maxLength, MAX_TEXT) + " characters");
        }
        return value;
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw invalid(field + " is required");
        }
        return value;
    }

    /** A non-empty list of distinct values, each following the rule. */
    public static List<String> distinct(String field, List<String> values, IdentifierRule rule, int maxSize) {
        if (values == null || values.isEmpty()) {
            throw invalid(field + " must name at least one value");
        }
        if (values.size() > maxSize) {
            throw invalid(field + " names more than " + maxSize + " values");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = matches(field + "[" + i + "]", values.get(i), rule);
            if (!seen.add(value)) {
                throw invalid(field + " names '" + value + "' twice");
            }
        }
        return List.copyOf(values);
    }

    public static <T> List<T> nonEmpty(String field, List<T> values, int maxSize) {
        if (values == null || values.isEmpty()) {
            throw invalid(field + " must contain at least one entry");
        }
        if (values.size() > maxSize) {
            throw invalid(field + " contains more than " + maxSize + " entries");
        }
        for (int i = 0; i < values.size(); i++) {
            present(field + "[" + i + "]", values.get(i));
        }
        return List.copyOf(values);
    }

    public static Instant instant(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw invalid(field + " is required (ISO-8601 instant, e.g. 2026-01-31T00:00:00Z)");
        }
        try {
            return IsoInstant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field + " is not an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }

    public static void before(String earlierField, Instant earlier, String laterField, Instant later) {
        if (!earlier.isBefore(later)) {
            throw invalid(earlierField + " must be before " + laterField);
        }
    }

    public static long positive(String field, long value, long max) {
        if (value < 1 || value > max) {
            throw invalid(field + " must be between 1 and " + max);
        }
        return value;
    }

    public static void subset(String field, Collection<String> values, Collection<String> allowed, String whose) {
        for (String value : values) {
            if (!allowed.contains(value)) {
                throw invalid(field + " names '" + value + "', which " + whose + " does not contain");
            }
        }
    }
}
