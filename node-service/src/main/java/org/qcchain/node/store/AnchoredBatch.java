package org.qcchain.node.store;

/**
 * A batch anchored on the ledger.
 *
 * @param batchId the batch
 * @param records how many record versions it holds
 * @param merkleRoot hex root of its tree
 * @param txId the anchoring transaction
 */
public record AnchoredBatch(String batchId, int records, String merkleRoot, String txId) {}
