package org.qcchain.simulator;

import java.util.Objects;

/**
 * The outcome of submitting a transaction to an {@link InMemoryLedger}: the simulation, and
 * whether the transaction was committed.
 *
 * <p>{@code validationMessage} starts with a code: {@code VALID} when committed; Fabric's {@code
 * MVCC_READ_CONFLICT}, {@code PHANTOM_READ_CONFLICT} or {@code DUPLICATE_TXID} when the
 * transaction was ordered into a block but invalidated; {@code ENDORSEMENT_FAILURE} (the chaincode
 * failed) or {@code PAGINATED_QUERY} (the transaction ran a paginated query) when it was refused
 * before ordering.
 *
 * @param simulation the chaincode's response and read/write set
 * @param committed whether the writes and the event reached the ledger
 * @param validationMessage the validation code and, unless valid, the reason
 */
public record TransactionResult(SimulationResult simulation, boolean committed,
        String validationMessage) {

    /** Requires every part. */
    public TransactionResult {
        Objects.requireNonNull(simulation, "simulation");
        Objects.requireNonNull(validationMessage, "validationMessage");
    }

    /** The transaction id. */
    public String txId() {
        return simulation.txId();
    }

    /** The chaincode's response status. */
    public int status() {
        return simulation.status();
    }

    /** The chaincode's response message; empty if none. */
    public String message() {
        return simulation.message();
    }

    /** A copy of the chaincode's response payload. */
    public byte[] payload() {
        return simulation.payload();
    }

    /** The chaincode's response payload read as UTF-8. */
    public String payloadAsString() {
        return simulation.payloadAsString();
    }
}
