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
 * @param live whether the values were read from the source unit's database just now (a live
 *     dataset) rather than from the store
 */
public record StoredRecord(DataRecord record, String recordRoot, String batchId, int leafIndex, boolean live) {

    /** Requires every part. */
    public StoredRecord {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(recordRoot, "recordRoot");
        Objects.requireNonNull(batchId, "batchId");
    }

    /**
     * A record whose values the store holds.
     *
     * @param record the record
     * @param recordRoot its committed root
     * @param batchId its batch
     * @param leafIndex its leaf
     */
    public StoredRecord(DataRecord record, String recordRoot, String batchId, int leafIndex) {
        this(record, recordRoot, batchId, leafIndex, false);
    }
}
