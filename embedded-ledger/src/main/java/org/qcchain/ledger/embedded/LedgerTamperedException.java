package org.qcchain.ledger.embedded;

/**
 * Verification found stored data that does not match: a block, a transaction, the world state or
 * the key history was changed outside the ledger, or the file is damaged. Names the first block
 * that does not match and the check that failed.
 */
public final class LedgerTamperedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final long blockNumber;

    /**
     * An exception for a block.
     *
     * @param blockNumber the first block that does not match
     * @param message what does not match
     */
    public LedgerTamperedException(long blockNumber, String message) {
        super("block " + blockNumber + ": " + message);
        this.blockNumber = blockNumber;
    }

    /** The first block that does not match. */
    public long blockNumber() {
        return blockNumber;
    }
}
