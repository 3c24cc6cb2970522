package org.qcchain.chaincode.model;

import java.util.List;

/**
 * The record of one data request (留痕), granted or denied, written in the same transaction that
 * decided it, so that no data leaves without a record.
 *
 * @param accessId the transaction id of the decision
 * @param requestHash hash (in {@code hashSuite}) of the canonical JSON of the signed request
 * @param submitterMspId the organisation that submitted the transaction (the consumer, or the
 *     operator's node mediating for it)
 * @param reasonCode null when granted; otherwise the error code of the first failed check
 * @param retainUntil until when the consumer may keep the data (consent's data life); null if unlimited
 * @param usesRemaining uses left on the consent after this request; null when unlimited
 * @param answerHash hash of the answer the node delivered, recorded afterwards by the submitter
 */
public record AccessRecord(
        String accessId,
        String requestHash,
        String hashSuite,
        String consumerMspId,
        String submitterMspId,
        String subject,
        String consentId,
        String purpose,
        List<AccessItem> items,
        DataRange dataRange,
        Decision decision,
        String reasonCode,
        String reason,
        String decidedAt,
        String requestTimestamp,
        String nonce,
        String certificateFingerprint,
        String retainUntil,
        Long usesRemaining,
        String answerHash,
        String deliveredAt) {

    public AccessRecord {
        items = List.copyOf(items);
    }

    public boolean concernsProvider(String mspId) {
        return items.stream().anyMatch(i -> mspId.equals(i.providerMspId()));
    }

    public AccessRecord delivered(String hash, String at) {
        return new AccessRecord(accessId, requestHash, hashSuite, consumerMspId, submitterMspId, subject, consentId,
                purpose, items, dataRange, decision, reasonCode, reason, decidedAt, requestTimestamp, nonce,
                certificateFingerprint, retainUntil, usesRemaining, hash, at);
    }
}
