package org.qcchain.sdk.verify;

/**
 * A stretch of the chain did not verify; {@link #blockNumber()} is the first block that failed.
 *
 * <pre>{@code
 * } catch (ChainVerificationException e) {
 *     report("block " + e.blockNumber() + ": " + e.failure());
 * }
 * }</pre>
 */
public final class ChainVerificationException extends VerificationException {

    private static final long serialVersionUID = 1L;

    /** The first bad block. */
    private final long blockNumber;

    /**
     * Creates the exception.
     *
     * @param blockNumber the first block that failed
     * @param failure the failed check
     * @param detail what exactly was wrong
     */
    public ChainVerificationException(long blockNumber, VerificationFailure failure, String detail) {
        super(failure, "block " + blockNumber + ": " + detail);
        this.blockNumber = blockNumber;
    }

    /** @return the number of the first block that failed */
    public long blockNumber() {
        return blockNumber;
    }
}
