package org.qcchain.chaincode.model;

/**
 * An anchored batch (存证): the Merkle root over the commitments of a batch of records.
 *
 * @param signerCertificate PEM of the certificate that signed the statement
 * @param signature base64 signature over the canonical JSON of {@code statement}
 * @param txId the anchoring transaction, which proofs point to
 */
public record Anchor(
        AnchorStatement statement,
        String providerMspId,
        String signerCertificate,
        String signature,
        String anchoredAt,
        String txId) {}
