package org.qcchain.sdk.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.qcchain.common.answer.AccessEvidence;
import org.qcchain.common.json.Json;
import org.qcchain.common.json.JsonInputException;

/**
 * Checks 4 and 5 of the answer: the access record grants exactly this request, and it is what the
 * {@code requestAccess} transaction in the evidence wrote on the ledger.
 */
final class AccessCheck {

    /** The chaincode's event of a decided request. */
    static final String EVENT = "AccessDecided";

    /** What a checked access record says. */
    record Checked(String accessId, Map<String, String> providers, String retainUntil, LedgerPosition position) {}

    private final TransactionCheck transactions;

    AccessCheck(TransactionCheck transactions) {
        this.transactions = transactions;
    }

    Checked check(AccessEvidence access, JsonNode request, String requestHash, ParsedCertificate node)
            throws VerificationException {
        if (access == null) {
            throw Trees.malformed("access is missing");
        }
        JsonNode record = Trees.object(access.record(), "access.record");
        String suite = transactions.suiteName();
        mustEqual(requestHash, Trees.text(record, "requestHash", "access.record"), "requestHash");
        mustEqual(suite, Trees.text(record, "hashSuite", "access.record"), "hashSuite");
        mustEqual("GRANTED", Trees.text(record, "decision", "access.record"), "decision");
        for (String name : new String[] {"consumerMspId", "subject", "consentId", "purpose"}) {
            mustEqual(Trees.text(request, name, "request"), Trees.text(record, name, "access.record"), name);
        }
        if (!Objects.equals(request.get("dataRange"), record.get("dataRange"))) {
            throw mismatch("the data range differs from the request's");
        }
        Map<String, String> providers = providers(request, record);
        String accessId = Trees.text(record, "accessId", "access.record");

        TransactionCheck.Checked tx = transactions.check(access.evidence(), node, "access.evidence");
        if (!accessId.equals(tx.position().txId()) || !EVENT.equals(tx.eventName())) {
            throw notOnLedger("the evidence is transaction " + tx.position().txId() + " with event "
                    + tx.eventName() + ", not the " + EVENT + " transaction " + accessId);
        }
        byte[] written;
        try {
            written = TransactionCheck.canonical(Json.tree(new String(tx.payload(), StandardCharsets.UTF_8)), "payload");
        } catch (JsonInputException | VerificationException e) {
            throw notOnLedger("the transaction's response is not an access record");
        }
        if (!Arrays.equals(written, TransactionCheck.canonical(record, "access.record"))) {
            throw notOnLedger("the transaction wrote another access record than the answer shows");
        }
        return new Checked(accessId, providers, Trees.optionalText(record, "retainUntil", "access.record"),
                tx.position());
    }

    /** Same datasets and fields as requested; returns each dataset's provider, in request order. */
    private static Map<String, String> providers(JsonNode request, JsonNode record) throws VerificationException {
        JsonNode asked = request.get("items");
        JsonNode granted = record.get("items");
        if (asked == null || !asked.isArray() || granted == null || !granted.isArray()) {
            throw Trees.malformed("request.items or access.record.items is missing");
        }
        Map<String, JsonNode> byDataset = new LinkedHashMap<>();
        for (JsonNode item : granted) {
            byDataset.put(Trees.text(item, "datasetId", "access.record.items[]"), item);
        }
        if (byDataset.size() != granted.size() || granted.size() != asked.size()) {
            throw mismatch("the record grants " + granted.size() + " datasets, the request asks for " + asked.size());
        }
        Map<String, String> providers = new LinkedHashMap<>();
        for (JsonNode item : asked) {
            String dataset = Trees.text(item, "datasetId", "request.items[]");
            JsonNode grant = byDataset.get(dataset);
            if (grant == null || !fields(item).equals(fields(grant))) {
                throw mismatch("the record does not grant the requested fields of '" + dataset + "'");
            }
            providers.put(dataset, Trees.text(grant, "providerMspId", "access.record.items[]"));
        }
        return providers;
    }

    static Set<String> fields(JsonNode item) {
        Set<String> fields = new TreeSet<>();
        item.path("fields").forEach(f -> fields.add(f.asText()));
        return fields;
    }

    private static void mustEqual(String expected, String actual, String name) throws VerificationException {
        if (!expected.equals(actual)) {
            throw mismatch(name + " of the access record is not the request's");
        }
    }

    private static VerificationException mismatch(String detail) {
        return new VerificationException(VerificationFailure.ACCESS_RECORD_MISMATCH, detail);
    }

    private static VerificationException notOnLedger(String detail) {
        return new VerificationException(VerificationFailure.ACCESS_RECORD_NOT_ON_LEDGER, detail);
    }
}
