package org.qcchain.node.store;

/** Hears how a bulk import advances, once per anchored batch. */
@FunctionalInterface
public interface ImportProgress {

    /** Ignores progress. */
    ImportProgress NONE = (datasetId, records, batches) -> {};

    /**
     * A batch was stored and anchored.
     *
     * @param datasetId the dataset
     * @param records records of this import stored so far
     * @param batches batches of this import anchored so far
     */
    void onBatch(String datasetId, long records, int batches);
}
