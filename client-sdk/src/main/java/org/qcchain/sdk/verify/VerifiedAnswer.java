package org.qcchain.sdk.verify;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A node's answer after every check of docs/proof-format.md section 11 passed: the values are the
 * provider's, anchored on the ledger, and the ledger recorded this very request as granted. Only a
 * {@link Verifier} makes one, so holding one means the checks ran.
 *
 * <pre>{@code
 * VerifiedAnswer answer = client.requestData(signedRequest);
 * for (VerifiedRecord record : answer.records("social.insurance.contributions")) {
 *     long months = record.values().get("paidMonths").asLong();
 * }
 * answer.retainUntil().ifPresent(deadline -> scheduleDeletion(deadline));
 * }</pre>
 */
public final class VerifiedAnswer {

    private final String accessId;
    private final String requestHash;
    private final String consumerMspId;
    private final String subject;
    private final String purpose;
    private final Instant retainUntil;
    private final Instant issuedAt;
    private final String nodeCertificateFingerprint;
    private final LedgerPosition accessPosition;
    private final Map<String, List<VerifiedRecord>> records;

    VerifiedAnswer(String accessId, String requestHash, String consumerMspId, String subject, String purpose,
            Instant retainUntil, Instant issuedAt, String nodeCertificateFingerprint, LedgerPosition accessPosition,
            Map<String, List<VerifiedRecord>> records) {
        this.accessId = accessId;
        this.requestHash = requestHash;
        this.consumerMspId = consumerMspId;
        this.subject = subject;
        this.purpose = purpose;
        this.retainUntil = retainUntil;
        this.issuedAt = issuedAt;
        this.nodeCertificateFingerprint = nodeCertificateFingerprint;
        this.accessPosition = accessPosition;
        Map<String, List<VerifiedRecord>> copy = new LinkedHashMap<>();
        records.forEach((dataset, list) -> copy.put(dataset, List.copyOf(list)));
        this.records = Collections.unmodifiableMap(copy);
    }

    /** @return the access id: the id of the transaction that recorded the grant */
    public String accessId() {
        return accessId;
    }

    /** @return hex hash of the request this answer is for */
    public String requestHash() {
        return requestHash;
    }

    /** @return the consumer the data was granted to */
    public String consumerMspId() {
        return consumerMspId;
    }

    /** @return the subject's pseudonym */
    public String subject() {
        return subject;
    }

    /** @return the purpose the data was granted for */
    public String purpose() {
        return purpose;
    }

    /** @return until when the consent lets the consumer keep the data; empty if without limit */
    public Optional<Instant> retainUntil() {
        return Optional.ofNullable(retainUntil);
    }

    /** @return when the node issued the answer */
    public Instant issuedAt() {
        return issuedAt;
    }

    /** @return SHA-256 fingerprint of the node certificate that signed the answer */
    public String nodeCertificateFingerprint() {
        return nodeCertificateFingerprint;
    }

    /** @return where the access record's transaction is on the ledger */
    public LedgerPosition accessPosition() {
        return accessPosition;
    }

    /** @return the verified records per dataset, in the order of the request's items */
    public Map<String, List<VerifiedRecord>> records() {
        return records;
    }

    /**
     * The verified records of one dataset.
     *
     * @param datasetId a requested dataset
     * @return its records, empty if the provider holds none for the subject
     * @throws IllegalArgumentException if the dataset was not requested
     */
    public List<VerifiedRecord> records(String datasetId) {
        List<VerifiedRecord> list = records.get(Objects.requireNonNull(datasetId, "datasetId"));
        if (list == null) {
            throw new IllegalArgumentException("dataset '" + datasetId + "' was not requested; requested: "
                    + records.keySet());
        }
        return list;
    }

    @Override
    public String toString() {
        return "VerifiedAnswer[access " + accessId + " in block " + accessPosition.blockNumber() + ", datasets="
                + records.keySet() + "]";
    }
}
