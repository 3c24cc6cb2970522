package org.qcchain.node.ledger;

/**
 * Hears how far {@link LedgerBackend#verify(VerifyProgress)} has come: a long chain takes minutes,
 * and {@code qcchain verify} prints the progress so that the operator sees it move.
 */
@FunctionalInterface
public interface VerifyProgress {

    /** A listener that ignores progress. */
    VerifyProgress NONE = (verified, height) -> {};

    /**
     * Called now and then while verifying (every 100 blocks or so) and at the end.
     *
     * @param blocksVerified blocks checked so far, the genesis block included
     * @param height the number of blocks being verified
     */
    void onProgress(long blocksVerified, long height);
}
