package org.qcchain.chaincode.model;

import java.util.List;

/**
 * A consumer's data request, as it signs it. The canonical JSON (RFC 8785) of this record is what
 * the signature covers and what the access record's {@code requestHash} is computed over, so an
 * answer can be tied to exactly one request.
 *
 * @param subject the subject's pseudonym
 * @param dataRange the period of data asked for; optional, must lie inside the consent's range
 * @param timestamp ISO-8601 time of signing; must be close to the transaction time
 * @param nonce unique per consumer; a second use is denied as a replay
 */
public record AccessRequest(
        String consumerMspId,
        String subject,
        String consentId,
        String purpose,
        List<RequestedItem> items,
        DataRange dataRange,
        String timestamp,
        String nonce) {

    public AccessRequest {
        items = items == null ? null : List.copyOf(items);
    }
}
