package org.qcchain.node.store;

import java.util.Objects;
import org.qcchain.common.proof.DataRecord;

/**
 * A record version as its provider stores it, with its place in an anchored batch.
 *
 * @param record the record (header and fields)
 * @param recordRoot hex record root committed when it was imported
 * @param batchId the batch it was anchored in
 * @param leafIndex its leaf in that batch
 */
public record StoredRecord(DataRecord record, String recordRoot, String batchId, int leafIndex) {

    /** Requires every part. */
    public StoredRecord {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(recordRoot, "recordRoot");
        Objects.requireNonNull(batchId, "batchId");
    }
}
