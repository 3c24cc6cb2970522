package org.qcchain.sdk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Objects;
import org.qcchain.common.syntax.IdentifierRule;
import org.qcchain.sdk.internal.Syntax;

/**
 * The parts of one access record (the chaincode's {@code AccessRecord}, docs/api.md "access
 * trail") that the abnormal-flow rules read, typed and checked. Built from the JSON a node serves
 * with {@link #fromJson(JsonNode)}, which names the first field that is missing or malformed.
 *
 * @param accessId the transaction id of the decision: 64 lowercase hex characters
 * @param consumerMspId the consumer the request names
 * @param subject the subject's pseudonym (64 lowercase hex characters); never shown in messages
 * @param consentId the consent the request names (for {@code SUBJECT_ACCESS}, the identity
 *     provider's authentication reference)
 * @param purpose the purpose code, e.g. {@code LOAN_UNDERWRITING}
 * @param granted whether the ledger granted the request
 * @param reasonCode the denial's {@code ErrorCode} name; {@code null} for a grant
 * @param decidedAt the ledger's transaction time of the decision
 */
public record AccessEvent(String accessId, String consumerMspId, String subject, String consentId, String purpose,
        boolean granted, String reasonCode, Instant decidedAt) {

    /** Earliest decision time accepted: the ledger's index counts epoch milliseconds. */
    private static final Instant EARLIEST = Instant.EPOCH;
    /** Latest decision time accepted; anything later is a corrupt timestamp, not a real decision. */
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** Checks the parts with the chaincode's syntaxes. */
    public AccessEvent {
        Syntax.require("accessId", accessId, Syntax.TX_ID);
        Syntax.require("consumerMspId", consumerMspId, Syntax.MSP_ID);
        Syntax.require("subject", subject, Syntax.PSEUDONYM);
        Syntax.require("consentId", consentId, Syntax.RECORD_ID);
        Syntax.require("purpose", purpose, Syntax.CODE);
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (granted != (reasonCode == null)) {
            throw new IllegalArgumentException(granted ? "a grant carries no reasonCode"
                    : "a denial needs a reasonCode");
        }
        if (reasonCode != null) {
            Syntax.require("reasonCode", reasonCode, Syntax.CODE);
        }
        if (decidedAt.isBefore(EARLIEST) || decidedAt.isAfter(LATEST)) {
            throw new IllegalArgumentException("decidedAt " + decidedAt + " is outside 1970 to 9999");
        }
    }

    /**
     * Reads an access record as the node serves it. Fields the rules do not read (items, hashes,
     * delivery) are not checked here; {@link AccessTrailAudit} checks the whole record against the
     * ledger.
     *
     * @param record one element of {@code records} of {@code GET /v1/access-records}
     * @return the event
     * @throws MalformedAccessRecordException naming the first field that is missing or malformed
     */
    public static AccessEvent fromJson(JsonNode record) throws MalformedAccessRecordException {
        if (record == null || !record.isObject()) {
            throw new MalformedAccessRecordException(null, "not a JSON object");
        }
        JsonNode id = record.get("accessId");
        String accessId = id != null && id.isTextual() && Syntax.TX_ID.matches(id.textValue())
                ? id.textValue() : null;
        if (accessId == null) {
            throw new MalformedAccessRecordException(null, "accessId is missing or not 64 lowercase hex characters");
        }
        String decision = text(record, "decision", null, accessId);
        if (!decision.equals("GRANTED") && !decision.equals("DENIED")) {
            throw new MalformedAccessRecordException(accessId, "decision '" + abbreviate(decision)
                    + "' must match GRANTED|DENIED");
        }
        boolean granted = "GRANTED".equals(decision);
        String reasonCode = record.hasNonNull("reasonCode") ? text(record, "reasonCode", Syntax.CODE, accessId) : null;
        if (granted != (reasonCode == null)) {
            throw new MalformedAccessRecordException(accessId, granted
                    ? "a GRANTED record carries reasonCode " + reasonCode : "a DENIED record has no reasonCode");
        }
        String decidedAt = text(record, "decidedAt", null, accessId);
        try {
            String consumer = text(record, "consumerMspId", Syntax.MSP_ID, accessId);
            String subject = text(record, "subject", Syntax.PSEUDONYM, accessId);
            String consent = text(record, "consentId", Syntax.RECORD_ID, accessId);
            String purpose = text(record, "purpose", Syntax.CODE, accessId);
            return new AccessEvent(accessId, consumer, subject, consent, purpose, granted, reasonCode,
                    Instant.parse(decidedAt));
        } catch (DateTimeException e) {
            throw new MalformedAccessRecordException(accessId, "decidedAt '" + abbreviate(decidedAt)
                    + "' is not an ISO-8601 instant");
        } catch (IllegalArgumentException e) {
            throw new MalformedAccessRecordException(accessId, e.getMessage());
        }
    }

    /** A string field, of the syntax when one is given; a pseudonym is never echoed. */
    private static String text(JsonNode record, String name, IdentifierRule syntax, String accessId)
            throws MalformedAccessRecordException {
        JsonNode value = record.get(name);
        if (value == null || !value.isTextual()) {
            throw new MalformedAccessRecordException(accessId, name + " is missing or not a string");
        }
        if (syntax != null && !syntax.matches(value.textValue())) {
            String shown = syntax == Syntax.PSEUDONYM ? "" : " '" + abbreviate(value.textValue()) + "'";
            throw new MalformedAccessRecordException(accessId, name + shown + " must match " + syntax.pattern());
        }
        return value.textValue();
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
