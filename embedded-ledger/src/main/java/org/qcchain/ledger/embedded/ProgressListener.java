package org.qcchain.ledger.embedded;

/** Hears how far {@link EmbeddedLedger#verify(ProgressListener)} has come on a long chain. */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores progress. */
    ProgressListener NONE = (verified, height) -> {};

    /**
     * Called after every verified block (the verifier calls it at most every 100 blocks and at
     * the end).
     *
     * @param blocksVerified blocks checked so far, the genesis block included
     * @param height the number of blocks being verified
     */
    void onProgress(long blocksVerified, long height);
}
