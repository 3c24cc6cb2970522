package org.qcchain.node.platform;

/**
 * The platform could not be opened because its ledger did not answer (a Fabric gateway peer down
 * or not yet up: {@link org.qcchain.node.ledger.fabric.Reachability}). Unlike a {@link
 * org.qcchain.node.config.ConfigException}, nothing is wrong with the node's files or settings: the
 * same command may succeed a moment later, so the CLI exits with {@code EX_UNAVAILABLE} (69) and a
 * service manager restarts the node.
 */
public final class LedgerUnreachable extends Exception {

    /** Serialization version of this class. */
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which ledger and what it answered
     * @param cause the failed read
     */
    public LedgerUnreachable(String message, Throwable cause) {
        super(message, cause);
    }
}
