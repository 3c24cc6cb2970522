package org.qcchain.chaincode.model;

/**
 * What a provider signs when it anchors a batch: the canonical JSON (RFC 8785) of this record.
 * Stored with the anchor, so anyone can check the signature again from the ledger alone.
 */
public record AnchorStatement(
        String datasetId, String batchId, String merkleRoot, long recordCount, String hashSuite) {}
