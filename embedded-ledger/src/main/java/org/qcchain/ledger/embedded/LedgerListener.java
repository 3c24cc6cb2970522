package org.qcchain.ledger.embedded;

import org.qcchain.simulator.ChaincodeEventRecord;

/**
 * Hears about commits, in block order, on one dispatch thread of the ledger, after the block is
 * durable. Keep the methods short or hand work to another thread: a slow listener delays the
 * others (never the committer). An exception thrown here is logged and ignored.
 */
public interface LedgerListener {

    /** A block was committed. */
    default void onBlock(CommittedBlock block) {}

    /** A valid transaction of block {@code blockNumber} set a chaincode event. */
    default void onChaincodeEvent(long blockNumber, ChaincodeEventRecord event) {}
}
