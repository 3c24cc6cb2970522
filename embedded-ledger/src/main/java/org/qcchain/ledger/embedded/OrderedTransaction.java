package org.qcchain.ledger.embedded;

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
        byte[] rwsetBytes, byte[] hash) {

    static OrderedTransaction of(PendingTransaction pending, int txNumber, ValidationCode code, String reason) {
        return new OrderedTransaction(pending, txNumber, code, reason, pending.rwsetBytes(), pending.hash());
    }

    boolean isValid() {
        return code == ValidationCode.VALID;
    }
}
