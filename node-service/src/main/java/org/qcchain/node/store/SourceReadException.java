package org.qcchain.node.store;

/**
 * A source unit's system could not be read (connection refused, a query the database rejects).
 * Distinct from an {@link IllegalArgumentException} for a row the node refuses: this one is about
 * reaching the data, not about the data.
 */
public final class SourceReadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed; never a credential or a data value
     * @param cause the driver's exception
     */
    public SourceReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
