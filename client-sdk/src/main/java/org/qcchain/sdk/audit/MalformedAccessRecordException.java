package org.qcchain.sdk.audit;

/**
 * An access record that cannot be read as an {@link AccessEvent}: a field is missing, of the wrong
 * type or syntax, or the decision time does not parse. The message names the field and never
 * repeats a subject's pseudonym.
 */
public final class MalformedAccessRecordException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String accessId;

    /**
     * @param accessId the record's access id if it could be read, else {@code null}
     * @param message what is wrong
     */
    public MalformedAccessRecordException(String accessId, String message) {
        super(message);
        this.accessId = accessId;
    }

    /** @return the record's access id if it could be read, else {@code null} */
    public String accessId() {
        return accessId;
    }
}
