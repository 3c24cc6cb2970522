package org.qcchain.node.store;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One row as a source unit's own database holds it, before pseudonymisation: the subject's real
 * identifier, the unit's sequence number of the row for that subject, the unit's own version of
 * the row if it keeps one, and the field values. The importer turns the identifier into a
 * pseudonym and never stores or logs it.
 *
 * <p>A row names its record among the subject's by an integer {@code sequence} or, when the
 * source keys its rows by text (a plate number, a case number), by a {@code textKey}; the record
 * id is derived from that key, so it must stay the same across the record's versions. Spaces at
 * either end of a text key are no part of it (a {@code CHAR} column pads with them), and a text
 * key that writes an integer plainly ({@code "42"}: no sign but {@code -}, no leading zeros, no
 * decimals) is that integer, so that a key column moved from an integer type to a character type
 * keeps its record ids; {@code "007"} stays text, another record than 7. A text key may be
 * personal data: like the identifier, it is never stored, logged or shown.
 *
 * @param subjectType the identifier type, e.g. {@code RESIDENT_ID} or {@code USCC}
 * @param subjectNumber the identifier itself
 * @param sequence distinguishes several rows of one subject (0 when there is one, and with a text key)
 * @param textKey the source's text key of the row among the subject's, or {@code null} when
 *     {@code sequence} keys it; not blank, at most {@value #MAX_TEXT_KEY_LENGTH} characters, no
 *     control characters; stripped, and {@code null} (with {@code sequence} set) for a plain integer
 * @param version the source's version of the row (at least 1), or {@code null} to let the store
 *     number versions; with a version, a re-import of an unchanged row is skipped
 * @param fields the values: strings, integers (as {@link Long} or {@link Integer}), booleans or
 *     null
 * @param rowKey the source's own key of the row in its table (a surrogate key such as a row
 *     number, never an identifier), by which a live dataset reads the row again when it answers;
 *     {@code null} for rows that are copied into the store
 */
public record SourceRow(String subjectType, String subjectNumber, long sequence, String textKey, Long version,
        Map<String, Object> fields, String rowKey) {

    /** The longest text key: a key, not a document. */
    public static final int MAX_TEXT_KEY_LENGTH = 256;

    private static final Pattern PLAIN_INTEGER = Pattern.compile("0|-?[1-9][0-9]{0,18}");

    /**
     * Requires every part, checks the key and copies the fields (null values allowed). Messages
     * never repeat the identifier or the key.
     */
    public SourceRow {
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectNumber, "subjectNumber");
        if (textKey != null) {
            textKey = textKey.strip();
            checkTextKey(textKey, sequence);
            Long integer = plainInteger(textKey);
            if (integer != null) {
                sequence = integer;
                textKey = null;
            }
        }
        if (version != null && version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
        fields = Collections.unmodifiableMap(new TreeMap<>(fields));
        if (rowKey != null && (rowKey.isBlank() || rowKey.length() > MAX_TEXT_KEY_LENGTH
                || rowKey.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("the row key must be 1 to " + MAX_TEXT_KEY_LENGTH
                    + " characters without control characters");
        }
    }

    /**
     * A row copied into the store (no row key).
     *
     * @param subjectType the identifier type
     * @param subjectNumber the identifier
     * @param sequence the row's number for the subject, or 0 with a text key
     * @param textKey the text key, or {@code null}
     * @param version the source's version, or {@code null}
     * @param fields the values
     */
    public SourceRow(String subjectType, String subjectNumber, long sequence, String textKey, Long version,
            Map<String, Object> fields) {
        this(subjectType, subjectNumber, sequence, textKey, version, fields, null);
    }

    /**
     * A row keyed by its sequence.
     *
     * @param subjectType the identifier type
     * @param subjectNumber the identifier
     * @param sequence the row's number for the subject
     * @param version the source's version, or {@code null}
     * @param fields the values
     */
    public SourceRow(String subjectType, String subjectNumber, long sequence, Long version,
            Map<String, Object> fields) {
        this(subjectType, subjectNumber, sequence, null, version, fields);
    }

    /**
     * A row whose versions the store numbers.
     *
     * @param subjectType the identifier type
     * @param subjectNumber the identifier
     * @param sequence the row's number for the subject
     * @param fields the values
     */
    public SourceRow(String subjectType, String subjectNumber, long sequence, Map<String, Object> fields) {
        this(subjectType, subjectNumber, sequence, null, fields);
    }

    /** Never shows the identifier nor a text key. */
    @Override
    public String toString() {
        return "SourceRow[" + subjectType + ", " + (textKey == null ? "#" + sequence : "text key")
                + (version == null ? "" : ", v" + version) + ", " + fields.keySet() + "]";
    }

    private static Long plainInteger(String key) {
        if (!PLAIN_INTEGER.matcher(key).matches()) {
            return null;
        }
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            return null; // beyond a long: a text key like any other
        }
    }

    private static void checkTextKey(String key, long sequence) {
        if (sequence != 0) {
            throw new IllegalArgumentException("a row has a sequence or a text key, not both");
        }
        if (key.isBlank()) {
            throw new IllegalArgumentException("the record key must not be empty");
        }
        if (key.length() > MAX_TEXT_KEY_LENGTH) {
            throw new IllegalArgumentException("the record key must be at most " + MAX_TEXT_KEY_LENGTH
                    + " characters");
        }
        if (key.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the record key must not contain control characters");
        }
    }
}
