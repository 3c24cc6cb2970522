package org.qcchain.ledger.embedded;

import java.util.List;
import java.util.Objects;

/**
 * A block just committed, with its transactions, as {@link LedgerListener}s receive it.
 *
 * @param block the block
 * @param transactions its transactions in order, valid and invalid
 */
public record CommittedBlock(Block block, List<TransactionRecord> transactions) {

    /** Copies the list. */
    public CommittedBlock {
        Objects.requireNonNull(block, "block");
        transactions = List.copyOf(transactions);
    }
}
