package org.qcchain.sdk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.qcchain.common.fabric.ProtoFormatException;
import org.qcchain.common.json.Json;
import org.qcchain.common.json.JsonInputException;

/**
 * One transaction of a verified embedded chain, read for a completeness check: whether it is a
 * well-formed access decision, or why not. A decision is a VALID transaction whose chaincode
 * answered below 400, whose proposal calls {@value #FUNCTION} and names its own id, and whose event
 * is {@value #EVENT} with the transaction id as access id (docs/security.md). Only what the chain
 * verified is read: the transaction object whose hash is under the signed transactions root, and
 * the validation code of the signed header.
 *
 * @param txId the transaction id
 * @param blockNumber its block
 * @param index its position in the block
 * @param kind what it is
 * @param consumerMspId the consumer the event names, for a decision; else {@code null}
 * @param decidedAt the proposal time the chaincode records as decision time, for a decision
 * @param detail for anything but a decision, one sentence saying what the transaction is
 */
record ChainEntry(String txId, long blockNumber, int index, Kind kind, String consumerMspId, Instant decidedAt,
        String detail) {

    /** The chaincode function that decides a data request. */
    static final String FUNCTION = "Access:requestAccess";

    /** The event it sets. */
    static final String EVENT = "AccessDecided";

    /** What a transaction is to a completeness check. */
    enum Kind {
        /** A well-formed access decision. */
        DECISION,
        /** Valid, and half a decision: see {@link CompletenessKind#INCONSISTENT_DECISION}. */
        INCONSISTENT,
        /** Invalid, or valid and of another function: no access record. */
        OTHER
    }

    /**
     * Reads one transaction.
     *
     * @param tx the transaction object ({@code {txId, proposal, signature, rwset, response, event}})
     * @param validationCode its code in the signed block header
     * @param blockNumber its block
     * @param index its position
     * @return what it is
     */
    static ChainEntry read(JsonNode tx, String validationCode, long blockNumber, int index) {
        String txId = tx.path("txId").asText("");
        String where = "block " + blockNumber + " index " + index;
        long status = tx.path("response").path("status").asLong(-1);
        JsonNode event = tx.get("event");
        String eventName = event == null ? null : event.path("name").asText(null);
        ProposalView proposal;
        String unreadable = null;
        try {
            proposal = ProposalView.read(Base64.getDecoder().decode(tx.path("proposal").asText("")));
        } catch (ProtoFormatException | IllegalArgumentException e) {
            proposal = null;
            unreadable = e.getMessage();
        }
        String function = proposal == null ? null : proposal.function();
        if (!"VALID".equals(validationCode) || status < 0 || status >= 400) {
            return other(txId, blockNumber, index, "the transaction in " + where + " is "
                    + (!"VALID".equals(validationCode) ? "marked " + validationCode : "answered status " + status)
                    + (function == null ? "" : " (" + function + ")"));
        }
        boolean calls = FUNCTION.equals(function);
        boolean announces = EVENT.equals(eventName);
        if (!calls && !announces) {
            return other(txId, blockNumber, index, "the transaction in " + where + " is "
                    + (proposal == null ? "unreadable (" + unreadable + ")" : "a " + function + " transaction"));
        }
        if (proposal == null) {
            return inconsistent(txId, blockNumber, index, "its proposal cannot be read (" + unreadable
                    + "), yet it sets the " + EVENT + " event");
        }
        if (!calls) {
            return inconsistent(txId, blockNumber, index, "it sets the " + EVENT + " event, yet calls " + function);
        }
        if (!announces) {
            return inconsistent(txId, blockNumber, index, "it calls " + FUNCTION + ", yet sets "
                    + (eventName == null ? "no event" : "the event " + eventName) + " instead of " + EVENT);
        }
        JsonNode payload = eventPayload(event);
        if (payload == null || !txId.equals(payload.path("accessId").asText()) || !txId.equals(proposal.txId())
                || !payload.path("consumerMspId").isTextual()) {
            return inconsistent(txId, blockNumber, index, "its " + EVENT + " event or its proposal names another"
                    + " access id than the transaction's, or no consumer");
        }
        if (proposal.timestamp() == null) {
            return inconsistent(txId, blockNumber, index, "its proposal has no time, so the decision has none");
        }
        return new ChainEntry(txId, blockNumber, index, Kind.DECISION, payload.get("consumerMspId").textValue(),
                proposal.timestamp(), "");
    }

    private static JsonNode eventPayload(JsonNode event) {
        try {
            JsonNode payload = Json.tree(new String(Base64.getDecoder().decode(event.path("payload").asText("")),
                    StandardCharsets.UTF_8));
            return payload != null && payload.isObject() ? payload : null;
        } catch (JsonInputException | IllegalArgumentException e) {
            return null;
        }
    }

    private static ChainEntry other(String txId, long blockNumber, int index, String detail) {
        return new ChainEntry(txId, blockNumber, index, Kind.OTHER, null, null, detail);
    }

    private static ChainEntry inconsistent(String txId, long blockNumber, int index, String detail) {
        return new ChainEntry(txId, blockNumber, index, Kind.INCONSISTENT, null, null, detail);
    }
}
