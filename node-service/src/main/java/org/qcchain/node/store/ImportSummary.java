package org.qcchain.node.store;

import java.util.List;

/**
 * What an import did.
 *
 * @param datasetId the dataset
 * @param records record versions stored and anchored
 * @param skipped rows whose version the store had already (a re-import of a versioned source)
 * @param batchIds the anchored batches, in order
 */
public record ImportSummary(String datasetId, long records, long skipped, List<String> batchIds) {

    /** Copies the list. */
    public ImportSummary {
        batchIds = List.copyOf(batchIds);
    }
}
