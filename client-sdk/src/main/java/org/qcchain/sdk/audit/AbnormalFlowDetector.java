package org.qcchain.sdk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * Finds abnormal flows in an access trail the auditor fetched and verified itself (see {@link
 * AccessTrailAudit}), without trusting the operator: the rules run here, in the auditor's process,
 * over records the ledger wrote.
 *
 * <pre>{@code
 * AbnormalFlowDetector detector = AbnormalFlowDetector.create(AbnormalFlowRules.defaults(), listener);
 * String bookmark = "";
 * do {
 *     AccessRecordPage page = client.accessRecords(AccessRecordQuery.all(), bookmark);
 *     page.records().forEach(detector::accept);     // in decision-time order, as the node lists them
 *     bookmark = page.bookmark();
 * } while (!bookmark.isEmpty());
 * detector.finish();                                 // what is still open is reported now
 * }</pre>
 *
 * <p><b>Input.</b> Records in decision-time order, as {@code GET /v1/access-records} lists them
 * (the ledger indexes them by millisecond, then access id; the detector puts the records of one
 * millisecond into exact time order itself). A record it cannot read, one earlier than a record
 * before it (from another millisecond), or one listed twice is reported as a {@link
 * MalformedRecord} and left out of the rules; nothing is skipped silently and nothing throws.
 *
 * <p><b>Output.</b> Each finding is reported once, complete, as soon as no later record can make it
 * grow: when the trail's time has moved a window past its last record (an office-hours finding:
 * when the offices open), or at {@link #finish()}. Findings closed by the same record are reported
 * in {@link Finding#ORDER}; the same trail and rules always give the same findings in the same
 * order. {@link #scan} collects them into an {@link AuditReport} sorted by {@link Finding#ORDER}.
 *
 * <p><b>Memory</b> grows with the traffic inside the rules' windows, never with the trail's length:
 * per consumer, the requests inside the burst and the denial window (about 150 bytes each with
 * its access id and time, about 30 for a grant in the denial window, which keeps no id), the
 * distinct subjects inside the sweep window (about 250 bytes each); one open group per consumer in
 * a closed period and per consent attempted after it ended within the revocation window; at most
 * the evidence cap of access ids per open finding; and the records of one millisecond while they
 * are put in order. A consumer's state is dropped once its last request has left the window. With
 * the default rules a consumer that sends 10 requests a second, each about another subject, holds
 * some 600 requests for the burst rule, 36,000 for the denial rule and up to 36,000 subjects for
 * the sweep rule: about 12 MB at worst. {@link #retained()} tells how much is held now.
 *
 * <p>Not thread-safe: one thread feeds a detector, and the listener is called on that thread.
 */
public interface AbnormalFlowDetector {

    /**
     * @param rules what to look for
     * @param listener receives findings and malformed records
     * @return a detector at the start of a trail
     */
    static AbnormalFlowDetector create(AbnormalFlowRules rules, AuditListener listener) {
        return new AbnormalFlowDetectorImpl(Objects.requireNonNull(rules, "rules"),
                Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Runs the rules over a whole trail and collects what they find. The trail is iterated once;
     * only the findings and malformed records are kept.
     *
     * @param trail access records in decision-time order
     * @param rules what to look for
     * @return the findings in {@link Finding#ORDER}, and the malformed records
     */
    static AuditReport scan(Iterable<JsonNode> trail, AbnormalFlowRules rules) {
        ReportCollector collector = new ReportCollector();
        AbnormalFlowDetector detector = create(rules, collector);
        trail.forEach(detector::accept);
        detector.finish();
        return collector.report(detector.records());
    }

    /**
     * Takes the next access record as the node serves it (the chaincode's AccessRecord JSON).
     *
     * @param record the record; a malformed one is reported, not thrown
     * @throws IllegalStateException after {@link #finish()}
     */
    void accept(JsonNode record);

    /**
     * Takes the next access record, already read.
     *
     * @param event the record
     * @throws IllegalStateException after {@link #finish()}
     */
    void accept(AccessEvent event);

    /**
     * Ends the trail: every finding still open is reported. The detector takes no more records.
     */
    void finish();

    /** @return how many records were given, malformed ones included */
    long records();

    /**
     * @return how many records, subjects, access ids and open findings the detector holds now; it
     *     follows the traffic inside the windows, not the trail's length
     */
    long retained();
}
