/**
 * Runs Fabric Java contracts in-process, simulating each transaction as a Fabric 2.5 peer would.
 *
 * <p>Start with {@link org.qcchain.simulator.ChaincodeRunner}: it routes a {@link
 * org.qcchain.simulator.Proposal} through the shim's own {@code ContractRouter} to the contract,
 * against a {@link org.qcchain.simulator.SimulatedStub} over a {@link
 * org.qcchain.simulator.StateStore}, and returns a {@link org.qcchain.simulator.SimulationResult}
 * with the transaction's {@link org.qcchain.simulator.ReadWriteSet}. Validate that set against the
 * state with {@link org.qcchain.simulator.ReadWriteSet#findConflict(StateStore)} (Fabric's MVCC
 * check) before committing it.
 *
 * <p>For chaincode tests, {@link org.qcchain.simulator.InMemoryLedger} does all of it, one
 * transaction per block, over an {@link org.qcchain.simulator.InMemoryStateStore} with a clock the
 * test controls. The embedded ledger provides its own {@code StateStore} and blocks.
 *
 * <p>Keys order by code point ({@link org.qcchain.simulator.KeyOrder}), as LevelDB orders UTF-8.
 */
package org.qcchain.simulator;
