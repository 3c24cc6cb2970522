package org.qcchain.ledger.embedded;

import java.time.Instant;
import java.util.SortedMap;
import org.qcchain.simulator.Write;

/**
 * A transaction placed in a block and validated: what the block writer stores.
 *
 * @param pending the endorsed transaction
 * @param txNumber its index in the block
 * @param code its validation code
 * @param reason why it is invalid; empty when valid
 * @param rwsetBytes its read/write set in Fabric's encoding
 * @param hash its transaction hash, the Merkle leaf
 */
record OrderedTransaction(PendingTransaction pending, int txNumber, ValidationCode code, String reason,
        byte[] rwsetBytes, byte[] hash) implements BlockTransaction {

    static OrderedTransaction of(PendingTransaction pending, int txNumber, ValidationCode code, String reason) {
        return new OrderedTransaction(pending, txNumber, code, reason, pending.rwsetBytes(), pending.hash());
    }

    @Override
    public String txId() {
        return pending.txId();
    }

    @Override
    public int entryLength() {
        return pending.entry().length;
    }

    @Override
    public Instant timestamp() {
        return pending.parsed().proposal().timestamp();
    }

    @Override
    public SortedMap<String, Write> writes() {
        return pending.simulation().readWriteSet().writes();
    }
}
