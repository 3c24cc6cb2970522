package org.qcchain.ledger.embedded;

/** A registered {@link LedgerListener}; close it to stop listening. */
public interface Subscription extends AutoCloseable {

    /** Removes the listener; it hears nothing more after the block being dispatched. */
    @Override
    void close();
}
