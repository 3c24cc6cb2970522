package org.qcchain.sdk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.json.Json;
import org.qcchain.sdk.AccessRecordPage;
import org.qcchain.sdk.AccessRecordQuery;
import org.qcchain.sdk.QcchainApiException;
import org.qcchain.sdk.QcchainClient;
import org.qcchain.sdk.internal.Syntax;
import org.qcchain.sdk.subject.AccessTrailEntry;
import org.qcchain.sdk.subject.AccessTrailVerifier;
import org.qcchain.sdk.verify.VerificationException;
import org.qcchain.sdk.verify.VerificationFailure;

/**
 * An auditor's pass over the access trail: every page of {@code GET /v1/access-records}, every
 * record checked against the ledger before a rule sees it, then the {@link AbnormalFlowDetector}.
 * A record is checked by fetching its transaction ({@code GET /v1/transactions/{accessId}}) and
 * verifying it with {@link AccessTrailVerifier}: the transaction is valid in a block the trust
 * anchors vouch for (embedded ledger: signed by the node certificate, which must be issued by a
 * trusted node CA; Fabric: orderer-signed and endorsed on the trusted channel), it is the {@code
 * AccessDecided} transaction of that access id, and it wrote exactly the record listed (apart from
 * the delivery fields a later transaction adds). The operator's node cannot slip a made-up or
 * edited record into the review; it can leave records out of the listing, which only a walk over
 * every block shows: hand the verified access ids to {@link TrailCompleteness} ({@link
 * #review(AccessRecordQuery, AbnormalFlowRules, Consumer)}; docs/security.md).
 *
 * <pre>{@code
 * JsonNode genesis = client.block(0);
 * ChainVerifier.create(anchors, suite).verify(List.of(genesis));      // pins the node certificate
 * String nodeCertificate = genesis.path("header").path("genesis").path("nodeCertificate").asText();
 * AccessTrailAudit audit = AccessTrailAudit.create(client, AccessTrailVerifier.create(anchors, suite),
 *         nodeCertificate);
 * AuditReport report = audit.review(AccessRecordQuery.all().between(monday, nextMonday), AbnormalFlowRules.defaults());
 * }</pre>
 *
 * <p>Verification fails closed: the first record that does not verify ends the pass with a {@link
 * VerificationException} naming its access id, and no record after it is analysed. One transaction
 * is fetched per record, so a pass costs a round trip and a block-signature check per record (the
 * verifier's cache makes records of the same block cheap).
 */
public final class AccessTrailAudit {

    /** The largest page the node serves: fewer round trips for the listing. */
    static final int PAGE_SIZE = 200;

    private final QcchainClient client;
    private final AccessTrailVerifier verifier;
    private final String nodeCertificatePem;

    private AccessTrailAudit(QcchainClient client, AccessTrailVerifier verifier, String nodeCertificatePem) {
        this.client = client;
        this.verifier = verifier;
        this.nodeCertificatePem = nodeCertificatePem;
    }

    /**
     * @param client an auditor's client (role AUDITOR lists every scope and reads transactions)
     * @param verifier checks each record against its transaction
     * @param nodeCertificatePem the certificate that signs the embedded ledger's blocks, from the
     *     verified genesis block; {@code null} for a Fabric channel, whose blocks the orderers sign
     * @return the audit
     */
    public static AccessTrailAudit create(QcchainClient client, AccessTrailVerifier verifier,
            String nodeCertificatePem) {
        return new AccessTrailAudit(Objects.requireNonNull(client, "client"), Objects.requireNonNull(verifier,
                "verifier"), nodeCertificatePem);
    }

    /**
     * Reviews one query's trail with the rules and collects the findings.
     *
     * @param query which part of the trail, e.g. {@code AccessRecordQuery.all().between(from, to)}
     * @param rules what to look for
     * @return the findings in {@link Finding#ORDER}, and any record the rules could not read
     * @throws QcchainApiException if the node refused a call (e.g. the caller is no auditor)
     * @throws IOException if the node cannot be reached
     * @throws VerificationException naming the first record that is not what the ledger wrote
     */
    public AuditReport review(AccessRecordQuery query, AbnormalFlowRules rules)
            throws QcchainApiException, IOException, VerificationException {
        return review(query, rules, accessId -> { });
    }

    /**
     * Reviews one query's trail as {@link #review(AccessRecordQuery, AbnormalFlowRules)} does, and
     * hands the access id of each verified record to {@code listed}, in listing order: the listing a
     * {@link TrailCompleteness} check then compares with the chain, so that the records reviewed
     * and the records checked for completeness are the same.
     *
     * @param query which part of the trail
     * @param rules what to look for
     * @param listed receives each verified record's access id
     * @return the findings in {@link Finding#ORDER}, and any record the rules could not read
     * @throws QcchainApiException if the node refused a call (e.g. the caller is no auditor)
     * @throws IOException if the node cannot be reached
     * @throws VerificationException naming the first record that is not what the ledger wrote
     */
    public AuditReport review(AccessRecordQuery query, AbnormalFlowRules rules, Consumer<String> listed)
            throws QcchainApiException, IOException, VerificationException {
        Objects.requireNonNull(listed, "listed");
        ReportCollector collector = new ReportCollector();
        AbnormalFlowDetector detector = AbnormalFlowDetector.create(rules, collector);
        feed(query, detector, listed);
        detector.finish();
        return collector.report(detector.records());
    }

    /**
     * Verifies one query's trail record by record and gives each to the detector, page by page:
     * memory is one page and the detector's. The detector is not finished, so several queries can
     * feed one detector in decision-time order.
     *
     * @param query which part of the trail
     * @param detector where the verified records go
     * @return how many records were verified
     * @throws QcchainApiException if the node refused a call
     * @throws IOException if the node cannot be reached
     * @throws VerificationException naming the first record that is not what the ledger wrote
     */
    public long feed(AccessRecordQuery query, AbnormalFlowDetector detector)
            throws QcchainApiException, IOException, VerificationException {
        return feed(query, detector, accessId -> { });
    }

    private long feed(AccessRecordQuery query, AbnormalFlowDetector detector, Consumer<String> listed)
            throws QcchainApiException, IOException, VerificationException {
        AccessRecordQuery paged = new AccessRecordQuery(query.scope(), query.party(), query.from(), query.to(),
                PAGE_SIZE);
        long verified = 0;
        String bookmark = "";
        do {
            AccessRecordPage page = client.accessRecords(paged, bookmark);
            for (JsonNode record : page.records()) {
                String accessId = accessId(record, verified + 1);
                verify(record, client.transaction(accessId));
                detector.accept(record);
                listed.accept(accessId);
                verified++;
            }
            bookmark = page.bookmark();
        } while (!bookmark.isEmpty());
        return verified;
    }

    /**
     * Checks one listed record against the transaction the node served for its access id.
     *
     * @param record the record as listed
     * @param transaction {@code GET /v1/transactions/{accessId}}, with its {@code evidence}
     * @throws VerificationException naming the access id and the failed check
     */
    public void verify(JsonNode record, JsonNode transaction) throws VerificationException {
        String accessId = accessId(record, 0);
        JsonNode subject = record.get("subject");
        if (subject == null || !subject.isTextual()) {
            throw new VerificationException(VerificationFailure.MALFORMED, "access record " + accessId
                    + " has no subject");
        }
        TransactionEvidence evidence = evidence(transaction, accessId);
        try {
            verifier.verify(new AccessTrailEntry(record, evidence, ""), subject.textValue(), nodeCertificatePem);
        } catch (VerificationException e) {
            String detail = e.getMessage().startsWith(e.failure().name() + ": ")
                    ? e.getMessage().substring(e.failure().name().length() + 2) : e.getMessage();
            throw new VerificationException(e.failure(), "access record " + accessId + ": " + detail, e);
        }
    }

    private static String accessId(JsonNode record, long position) throws VerificationException {
        JsonNode id = record == null ? null : record.get("accessId");
        if (id == null || !id.isTextual() || !Syntax.TX_ID.matches(id.textValue())) {
            throw new VerificationException(VerificationFailure.MALFORMED, (position > 0 ? "record " + position
                    + " of the listing" : "the access record") + " has no access id of 64 lowercase hex characters");
        }
        return id.textValue();
    }

    private static TransactionEvidence evidence(JsonNode transaction, String accessId) throws VerificationException {
        JsonNode evidence = transaction == null ? null : transaction.get("evidence");
        if (evidence == null || !evidence.isObject()) {
            throw new VerificationException(VerificationFailure.MALFORMED, "the node served transaction " + accessId
                    + " without evidence");
        }
        try {
            return Json.mapper().treeToValue(evidence, TransactionEvidence.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new VerificationException(VerificationFailure.MALFORMED, "the evidence of transaction " + accessId
                    + " cannot be read: " + e.getMessage(), e);
        }
    }
}
