package org.qcchain.node.store;

/**
 * A provider store could not be read or written (database error, unreadable stored data), or holds
 * something other than what the ledger anchors for it.
 */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, never a data value
     * @param cause the database's exception
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception for a store that reads but does not match the ledger.
     *
     * @param message what does not match, ids and roots only
     */
    public StoreException(String message) {
        super(message);
    }
}
