package org.qcchain.sdk.verify;

/**
 * The verified anchor of a disclosed record's batch: the provider signed its root with a
 * certificate of its own CA, and the anchoring transaction is valid in a signed block.
 *
 * @param providerMspId the provider that anchored the batch
 * @param datasetId the dataset whose batch it is: compare it with the dataset you listed, since an
 *     anchor verifies on its own wherever a node shows it
 * @param batchId the provider's batch id
 * @param merkleRoot hex root of the batch
 * @param recordCount records in the batch
 * @param anchoredAt when the ledger recorded the anchor (ISO-8601)
 * @param position the anchoring transaction on the ledger
 * @param retiring whether the batch's leaves are versions that retire records deleted at the
 *     source (its provider signed {@code "retiring": true}); never for a disclosed record's batch
 */
public record VerifiedAnchor(
        String providerMspId, String datasetId, String batchId, String merkleRoot, long recordCount, String anchoredAt,
        LedgerPosition position, boolean retiring) {}
