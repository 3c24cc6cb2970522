package org.qcchain.ledger.embedded;

/** What waits in the committer's queue: an endorsed transaction or a membership update. */
sealed interface Queued permits PendingTransaction, PendingConfig {

    /** Tells the submitter that the ledger failed or closed before this was committed. */
    void fail(LedgerException e);
}
