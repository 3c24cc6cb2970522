package org.qcchain.ledger.embedded;

import java.util.Optional;
import org.qcchain.simulator.ChaincodeEventRecord;
import org.qcchain.simulator.SimulationResult;

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

    static OrderedTransaction of(PendingTransaction pending, int txNumber, ValidationCode code,
            String reason, org.qcchain.common.crypto.CryptoSuite suite) {
        SimulationResult simulation = pending.simulation();
        byte[] rwset = simulation.readWriteSet().toProto().toByteArray();
        Optional<ChaincodeEventRecord> event = simulation.event();
        byte[] hash = TransactionEnvelope.hash(suite, pending.txId(), pending.signed().proposalBytesUnsafe(),
                pending.signed().signatureUnsafe(), rwset, simulation.status(), simulation.message(),
                simulation.payload(), event.map(ChaincodeEventRecord::name).orElse(null),
                event.map(ChaincodeEventRecord::payload).orElse(null));
        return new OrderedTransaction(pending, txNumber, code, reason, rwset, hash);
    }

    boolean isValid() {
        return code == ValidationCode.VALID;
    }
}
