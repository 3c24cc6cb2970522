package org.qcchain.node.ledger.fabric;

/**
 * One envelope of a Fabric block as the node lists it: where it is, what it is, and what the
 * committing peer decided about it.
 *
 * @param index the envelope's position in the block's data
 * @param txId the channel header's transaction id; empty when the envelope cannot be read
 * @param type the channel header's type, e.g. {@code ENDORSER_TRANSACTION} or {@code CONFIG}
 * @param validationCode the peer's code from the block's {@code TRANSACTIONS_FILTER}, e.g.
 *     {@code VALID} or {@code MVCC_READ_CONFLICT}
 */
record TransactionSummary(int index, String txId, String type, String validationCode) {

    /** The code of a transaction the peer committed and applied. */
    static final String VALID = "VALID";

    /** @return whether the peer applied the transaction's writes */
    boolean isValid() {
        return VALID.equals(validationCode);
    }
}
