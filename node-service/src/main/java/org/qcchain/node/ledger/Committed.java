package org.qcchain.node.ledger;

import java.util.Objects;

/**
 * A transaction that is on the ledger and valid: its writes are applied.
 *
 * @param txId the transaction id
 * @param blockNumber the block holding it
 * @param payload the contract function's result, JSON text
 */
public record Committed(String txId, long blockNumber, String payload) {

    /** Requires every part. */
    public Committed {
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(payload, "payload");
    }
}
