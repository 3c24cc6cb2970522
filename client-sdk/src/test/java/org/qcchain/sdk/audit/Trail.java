package org.qcchain.sdk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.qcchain.common.json.Json;

/**
 * Access records as the node lists them (the chaincode's AccessRecord JSON), built in the order a
 * test writes them, with access ids numbered from 1 and subjects as pseudonyms of a number.
 */
final class Trail {

    /** Monday 2 March 2026, 10:00 in Shanghai: inside the default office hours. */
    static final Instant MONDAY_10 = Instant.parse("2026-03-02T02:00:00Z");

    static final String BANK = "QiluBankMSP";
    static final String INSURER = "MotorInsurerMSP";

    private final List<JsonNode> records = new ArrayList<>();
    private long next;

    /** @return the access id numbered {@code n} */
    static String id(long n) {
        return String.format("%064x", n);
    }

    /** @return the pseudonym of subject {@code n} */
    static String subject(int n) {
        return String.format("%064x", 0x5b_000_000L + n);
    }

    /** Adds a grant and returns its access id. */
    String granted(String consumer, int subject, Instant at) {
        return add(record(consumer, subject, at, null, "consent-" + subject));
    }

    /** Adds a denial and returns its access id. */
    String denied(String consumer, int subject, Instant at, String reasonCode) {
        return add(record(consumer, subject, at, reasonCode, "consent-" + subject));
    }

    /** Adds a denial on a named consent and returns its access id. */
    String denied(String consumer, String consentId, Instant at, String reasonCode) {
        return add(record(consumer, 1, at, reasonCode, consentId));
    }

    /** Adds any record as it is, e.g. a malformed one; returns its access id, if any. */
    String add(JsonNode record) {
        records.add(record);
        return record.path("accessId").asText(null);
    }

    /** @return a well-formed record with the next access id */
    ObjectNode record(String consumer, int subject, Instant at, String reasonCode, String consentId) {
        ObjectNode record = Json.mapper().createObjectNode();
        record.put("accessId", id(++next)).put("requestHash", "00".repeat(32)).put("hashSuite", "P256_SHA256")
                .put("consumerMspId", consumer).put("submitterMspId", "BureauMSP").put("subject", subject(subject))
                .put("consentId", consentId).put("purpose", "LOAN_UNDERWRITING")
                .put("decision", reasonCode == null ? "GRANTED" : "DENIED").put("decidedAt", at.toString());
        record.putArray("items").addObject().put("datasetId", "social.insurance.contributions")
                .put("providerMspId", "SocialInsuranceMSP");
        if (reasonCode != null) {
            record.put("reasonCode", reasonCode).put("reason", "denied in a test");
        } else {
            record.putNull("reasonCode");
        }
        return record;
    }

    /** @return the records so far, in the order written */
    List<JsonNode> records() {
        return List.copyOf(records);
    }

    /** @return the findings of the rules over the records */
    AuditReport scan(AbnormalFlowRules rules) {
        return AbnormalFlowDetector.scan(records, rules);
    }

    /** @return rules with only the given kind on, built by the given builder */
    static AbnormalFlowRules.Builder only(FindingKind kind) {
        List<FindingKind> others = new ArrayList<>(List.of(FindingKind.values()));
        others.remove(kind);
        return AbnormalFlowRules.builder().disable(others.toArray(FindingKind[]::new));
    }

    /** @return {@code at} plus seconds */
    static Instant plus(Instant at, double seconds) {
        return at.plus(Duration.ofNanos(Math.round(seconds * 1_000_000_000)));
    }
}
