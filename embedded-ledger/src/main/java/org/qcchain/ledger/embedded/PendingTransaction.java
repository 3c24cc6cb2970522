package org.qcchain.ledger.embedded;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.simulator.ChaincodeEventRecord;
import org.qcchain.simulator.SimulationResult;

/**
 * A transaction endorsed (signature verified, simulated successfully) and waiting for its block.
 *
 * @param signed the proposal as submitted
 * @param parsed the decoded proposal
 * @param simulation the chaincode's answer and read/write set
 * @param result completed by the committer once the block is durable
 * @param rwsetBytes the read/write set in Fabric's encoding
 * @param hashedForm the transaction's hashed form ({@link TransactionRecord#hashedForm}), kept for
 *     the listeners: a node hands it out in the evidence of the transaction a moment after the
 *     commit, and making it again costs as much as hashing it
 * @param hash the transaction hash (it does not depend on the validation code, so the worker
 *     computes it and the one committer thread does not have to)
 * @param entry its {@link TransactionData} entry for the block file, encoded (on the worker too)
 * @param membershipSequence the membership its creator was checked against at endorsement
 * @param queuedAtNanos when it was queued ({@link System#nanoTime()})
 */
record PendingTransaction(SignedProposal signed, ParsedProposal parsed, SimulationResult simulation,
        CompletableFuture<CommitResult> result, byte[] rwsetBytes, byte[] hashedForm, byte[] hash, byte[] entry,
        long membershipSequence, long queuedAtNanos)
        implements Queued {

    /** Encodes and hashes the transaction as it will be stored. */
    static PendingTransaction of(SignedProposal signed, ParsedProposal parsed, SimulationResult simulation,
            CompletableFuture<CommitResult> result, CryptoSuite suite, long membershipSequence) {
        byte[] rwset = simulation.readWriteSet().toProto().toByteArray();
        Optional<ChaincodeEventRecord> event = simulation.event();
        String eventName = event.map(ChaincodeEventRecord::name).orElse(null);
        byte[] eventPayload = event.map(ChaincodeEventRecord::payload).orElse(null);
        String txId = parsed.proposal().txId();
        byte[] hashedForm = TransactionEnvelope.bytes(txId, signed.proposalBytesUnsafe(), signed.signatureUnsafe(),
                rwset, simulation.status(), simulation.message(), simulation.payload(), eventName, eventPayload);
        byte[] hash = suite.hash(hashedForm);
        byte[] entry = new TransactionData(txId, signed.proposalBytesUnsafe(), signed.signatureUnsafe(), rwset,
                simulation.status(), simulation.message(), simulation.payload(), eventName, eventPayload).encode();
        return new PendingTransaction(signed, parsed, simulation, result, rwset, hashedForm, hash, entry,
                membershipSequence, System.nanoTime());
    }

    String txId() {
        return parsed.proposal().txId();
    }

    @Override
    public void fail(LedgerException e) {
        result.completeExceptionally(e);
    }
}
