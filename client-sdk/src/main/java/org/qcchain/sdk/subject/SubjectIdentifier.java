package org.qcchain.sdk.subject;

import java.util.Objects;

/**
 * A data subject's identifier as the citizen app knows it: its type (e.g. {@code RESIDENT_ID},
 * {@code USCC}) and number. It is sent only in request bodies, where the node pseudonymises it;
 * {@link #toString()} never shows the number, so it cannot reach a log by accident.
 *
 * @param type the identifier type, {@code [A-Z][A-Z0-9_]{1,31}}
 * @param number the identifier number
 */
public record SubjectIdentifier(String type, String number) {

    /** Requires both parts; their syntax is the node's to judge (400 INVALID_ARGUMENT). */
    public SubjectIdentifier {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(number, "number");
    }

    /**
     * @param number a resident identity card number
     * @return the identifier of type {@code RESIDENT_ID}
     */
    public static SubjectIdentifier residentId(String number) {
        return new SubjectIdentifier("RESIDENT_ID", number);
    }

    /** Shows the type only. */
    @Override
    public String toString() {
        return "SubjectIdentifier[" + type + "]";
    }
}
