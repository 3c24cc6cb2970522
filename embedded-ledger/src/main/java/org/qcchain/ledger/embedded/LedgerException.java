package org.qcchain.ledger.embedded;

/**
 * The ledger could not do what was asked: its database failed, it is closed, or it cannot be
 * opened with the options given. Never thrown for a transaction the chaincode or validation
 * refused; those come back as a {@link CommitResult} with their {@link ValidationCode}.
 */
public class LedgerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public LedgerException(String message) {
        super(message);
    }

    /** An exception with a message and a cause. */
    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
