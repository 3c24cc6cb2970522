package org.qcchain.node.store;

/**
 * A batch as the provider store holds it: fixed once cut (its records and root never change),
 * anchored or still waiting for its anchor.
 *
 * @param batchId the batch
 * @param records how many record versions it holds
 * @param merkleRoot hex root of its tree
 * @param anchorTx the anchoring transaction; null while the batch waits for its anchor
 * @param retiring whether its records are versions that retire their records (anchored with a
 *     statement that says so) rather than records with values
 */
public record StoredBatch(String batchId, int records, String merkleRoot, String anchorTx, boolean retiring) {

    /** @return whether the store has noted the batch's anchoring transaction */
    public boolean anchored() {
        return anchorTx != null;
    }

    /**
     * What a batch holds, in words for messages.
     *
     * @param retiring whether the batch retires records
     * @return "records" or "versions that retire records"
     */
    public static String contents(boolean retiring) {
        return retiring ? "versions that retire records" : "records";
    }
}
