package org.qcchain.simulator;

import java.util.Objects;

/**
 * A simulated proposal not yet ordered: what an endorsing peer returns to the client. Hand it to
 * {@link InMemoryLedger#order(Endorsement)} later to interleave transactions and meet MVCC
 * conflicts as on a real network.
 *
 * @param proposal the proposal simulated
 * @param simulation its outcome
 */
public record Endorsement(Proposal proposal, SimulationResult simulation) {

    /** Requires both parts, for the same transaction. */
    public Endorsement {
        Objects.requireNonNull(proposal, "proposal");
        Objects.requireNonNull(simulation, "simulation");
        if (!proposal.txId().equals(simulation.txId())) {
            throw new IllegalArgumentException("simulation " + simulation.txId()
                    + " is not of proposal " + proposal.txId());
        }
    }
}
