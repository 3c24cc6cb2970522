package org.qcchain.ledger.embedded;

import java.util.List;
import java.util.Objects;

/**
 * A block just committed, with its transactions, as {@link LedgerListener}s receive it.
 *
 * @param block the block
 * @param transactions its transactions in order, valid and invalid
 * @param hashedForms each transaction's hashed form as the ledger hashed it, in the same order
 *     (not to be changed: see {@link #hashedForm})
 */
public record CommittedBlock(Block block, List<TransactionRecord> transactions, List<byte[]> hashedForms) {

    /** Copies the lists. */
    public CommittedBlock {
        Objects.requireNonNull(block, "block");
        transactions = List.copyOf(transactions);
        hashedForms = List.copyOf(hashedForms);
        if (hashedForms.size() != transactions.size()) {
            throw new IllegalArgumentException(transactions.size() + " transactions but " + hashedForms.size()
                    + " hashed forms");
        }
    }

    /**
     * The hashed form of the transaction at {@code index} ({@link TransactionRecord#hashedForm}):
     * the very bytes whose hash is the transaction's, kept from its endorsement, so that a
     * listener handing out its evidence need not make them again (base64 of its parts, as long
     * to make as to hash).
     *
     * @param index the transaction's index in the block
     * @return a copy of the bytes
     */
    public byte[] hashedForm(int index) {
        return hashedForms.get(index).clone();
    }
}
