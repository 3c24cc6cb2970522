package org.qcchain.ledger.embedded;

import java.util.concurrent.CompletableFuture;
import org.qcchain.simulator.SimulationResult;

/**
 * A transaction endorsed (signature verified, simulated successfully) and waiting for its block.
 *
 * @param signed the proposal as submitted
 * @param parsed the decoded proposal
 * @param simulation the chaincode's answer and read/write set
 * @param result completed by the committer once the block is durable
 */
record PendingTransaction(SignedProposal signed, ParsedProposal parsed, SimulationResult simulation,
        CompletableFuture<CommitResult> result) {

    String txId() {
        return parsed.proposal().txId();
    }
}
