package org.qcchain.chaincode.model;

/**
 * What a provider signs when it anchors a batch: the canonical JSON (RFC 8785) of this record.
 * Stored with the anchor, so anyone can check the signature again from the ledger alone.
 *
 * @param datasetId the dataset whose records the batch holds
 * @param batchId the provider's id of the batch, new for the dataset
 * @param merkleRoot hex root of the batch tree
 * @param recordCount how many leaves the tree has
 * @param hashSuite the suite the leaves and the tree are hashed with
 * @param retiring {@code true} when every leaf is a version that retires its record (its row
 *     deleted at the source: no values, never disclosed); null, and absent from the JSON, for a
 *     batch of records. The provider signs it, so an auditor reading the ledger alone tells
 *     deletions from new data, and a consumer refuses a disclosure proved against such a batch.
 *     {@code false} is never written: a batch of records has one form only.
 */
public record AnchorStatement(
        String datasetId, String batchId, String merkleRoot, long recordCount, String hashSuite, Boolean retiring) {

    /** A statement for a batch of records. */
    public AnchorStatement(String datasetId, String batchId, String merkleRoot, long recordCount, String hashSuite) {
        this(datasetId, batchId, merkleRoot, recordCount, hashSuite, null);
    }

    /**
     * A statement for a batch of records or, when {@code retiring}, of versions that retire them:
     * the member is then {@code true}, and otherwise left out.
     */
    public static AnchorStatement of(String datasetId, String batchId, String merkleRoot, long recordCount,
            String hashSuite, boolean retiring) {
        return new AnchorStatement(datasetId, batchId, merkleRoot, recordCount, hashSuite,
                retiring ? Boolean.TRUE : null);
    }

    /** @return whether the batch retires records rather than holding them */
    public boolean retires() {
        return Boolean.TRUE.equals(retiring);
    }
}
