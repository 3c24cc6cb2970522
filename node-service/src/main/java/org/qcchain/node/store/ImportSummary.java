package org.qcchain.node.store;

import java.util.List;

/**
 * What an import did.
 *
 * @param datasetId the dataset
 * @param records record versions stored and anchored
 * @param skipped rows whose version the store had already (a re-import of a versioned source), or
 *     whose values had not changed (a live re-import)
 * @param retired records retired because the source no longer gave their rows ({@link
 *     RecordImporter#retiringMissing})
 * @param resumed batches an earlier run stored but did not anchor, anchored first by this one
 * @param batchIds the anchored batches, in order: the resumed ones first, the retiring ones last
 */
public record ImportSummary(String datasetId, long records, long skipped, long retired, int resumed,
        List<String> batchIds) {

    /** Copies the list. */
    public ImportSummary {
        batchIds = List.copyOf(batchIds);
    }
}
