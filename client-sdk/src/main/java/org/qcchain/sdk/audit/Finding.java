package org.qcchain.sdk.audit;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One abnormal flow: which rule, which consumer, when, how far over the threshold, and the access
 * ids of the records that make it up, so that the auditor can fetch each transaction's evidence
 * ({@code GET /v1/transactions/{txId}}) and show it to the consumer.
 *
 * <p>The records that make up a finding are those inside the rule's window when the threshold was
 * first crossed, then every later record of the consumer (for {@link FindingKind#MANY_DENIALS} the
 * denied ones; for {@link FindingKind#SWEEP} the latest access to each subject of that window, then
 * every later access) until the window no longer crosses it. {@link #accessIds()} holds the first
 * of them in decision order, at most the rules' evidence cap; {@link #records()} counts them all.
 *
 * @param kind the rule that fired
 * @param consumerMspId the consumer the records name
 * @param consentId the consent asked on after it ended ({@link FindingKind#USE_AFTER_REVOCATION});
 *     {@code null} for the other kinds
 * @param from decision time of the first record of the finding
 * @param to decision time of the last record of the finding
 * @param measure what was measured against the threshold: the most requests (burst), denials
 *     (many denials) or distinct subjects (sweep) inside one window, the requests in one period
 *     outside office hours, the requests on one ended consent
 * @param threshold the rule's threshold the measure passed: "more than" for burst, sweep, office
 *     hours and use after revocation; "at least" for many denials (whose ratio is in {@code detail})
 * @param records how many records make up the finding
 * @param accessIds the first {@code min(records, evidence cap)} access ids, in decision order
 * @param detail one sentence for people, e.g. {@code "up to 18 requests within 10 min; more than
 *     10 is a burst"}
 */
public record Finding(FindingKind kind, String consumerMspId, String consentId, Instant from, Instant to,
        long measure, long threshold, long records, List<String> accessIds, String detail) {

    /**
     * The order of a report: by start, then kind, consumer, consent and end. Findings that start
     * together are told apart by every field a rule sets, so the order never depends on the order
     * in which they were found.
     */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::from)
            .thenComparing(Finding::kind)
            .thenComparing(Finding::consumerMspId)
            .thenComparing(Finding::consentId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::to);

    /** Checks the parts and copies the ids. */
    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(consumerMspId, "consumerMspId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(detail, "detail");
        accessIds = List.copyOf(accessIds);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a finding ends before it starts");
        }
        if (records < accessIds.size()) {
            throw new IllegalArgumentException("more access ids than records");
        }
    }

    /** @return whether {@link #accessIds()} leaves some records out (the evidence cap) */
    public boolean truncated() {
        return records > accessIds.size();
    }
}
