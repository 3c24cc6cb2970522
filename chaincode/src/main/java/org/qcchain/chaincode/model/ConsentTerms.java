package org.qcchain.chaincode.model;

import java.util.List;
import java.util.Optional;

/**
 * What a subject agrees to: modelled on India's Account Aggregator consent artefact. This is the
 * part the subject may sign; its canonical JSON (RFC 8785) is what the signature covers.
 *
 * @param subject the subject's pseudonym (HMAC of the identifier), never the identifier
 * @param consumerMspId the one consumer allowed to use the data
 * @param purpose one purpose code, e.g. {@code LOAN_UNDERWRITING}
 * @param frequency for PERIODIC: at most {@code value} uses per calendar {@code unit}
 * @param maxUses total uses allowed; ONE_TIME implies 1; null means limited by frequency only
 * @param dataRange the period of data the consumer may ask for
 * @param dataLife how long the consumer may keep what it receives
 */
public record ConsentTerms(
        String consentId,
        String subject,
        String consumerMspId,
        List<ConsentItem> items,
        String purpose,
        ConsentMode mode,
        FetchType fetchType,
        Period frequency,
        Long maxUses,
        DataRange dataRange,
        Period dataLife,
        String validFrom,
        String validUntil) {

    public ConsentTerms {
        items = items == null ? null : List.copyOf(items);
    }

    public Optional<ConsentItem> item(String datasetId) {
        return items.stream().filter(i -> i.datasetId().equals(datasetId)).findFirst();
    }

    /** The total number of uses allowed, or empty when only the frequency cap limits it. */
    public Optional<Long> useLimit() {
        return fetchType == FetchType.ONE_TIME ? Optional.of(1L) : Optional.ofNullable(maxUses);
    }
}
