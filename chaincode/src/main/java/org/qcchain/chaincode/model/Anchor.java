package org.qcchain.chaincode.model;

/**
 * An anchored batch (存证): the Merkle root over the commitments of a batch of records.
 *
 * @param signerCertificate PEM of the certificate that signed the statement
 * @param signature base64 signature over the canonical JSON of {@code statement}
 * @param providerMspId the dataset's provider, for whom the statement speaks (never the relayer)
 * @param txId the anchoring transaction, which proofs point to
 * @param relayedBy the OPERATOR whose node submitted the provider's signed statement; null (and
 *     absent from the JSON) when the provider submitted it itself
 */
public record Anchor(
        AnchorStatement statement,
        String providerMspId,
        String signerCertificate,
        String signature,
        String anchoredAt,
        String txId,
        String relayedBy) {}
