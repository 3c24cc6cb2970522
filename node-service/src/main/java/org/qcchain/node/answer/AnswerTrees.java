package org.qcchain.node.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.qcchain.common.answer.DataAnswer;
import org.qcchain.common.answer.EmbeddedEvidence;
import org.qcchain.common.answer.RecordEvidence;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.json.Json;
import org.qcchain.common.proof.Disclosure;
import org.qcchain.common.proof.InclusionProof;

/**
 * The JSON tree of an unsigned answer, made to be serialised canonically once: it holds the
 * request, the access record and the transactions' JSON by reference, and each anchored batch's
 * anchor and evidence as the {@link org.qcchain.common.json.CanonicalFragment}s the batch cache
 * keeps, instead of converting the whole {@link DataAnswer} (tens of kilobytes) to a fresh tree
 * and walking every part again. The result serialises to exactly the canonical form of {@code
 * Json.mapper().valueToTree(answer)} (tested); the member names are those of the records in
 * {@code org.qcchain.common.answer}, null members left out as the mapper does.
 */
final class AnswerTrees {

    private AnswerTrees() {}

    /**
     * The tree of an answer without signature.
     *
     * @param unsigned the answer; its items are given as {@code items}
     * @param items the tree of {@code unsigned.items()}, from {@link #item}
     */
    static ObjectNode answer(DataAnswer unsigned, ArrayNode items) {
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode access = root.putObject("access");
        putIfPresent(access, "evidence", unsigned.access().evidence() == null ? null
                : evidence(unsigned.access().evidence()));
        putIfPresent(access, "record", unsigned.access().record());
        root.put("format", unsigned.format());
        root.put("issuedAt", unsigned.issuedAt());
        root.set("items", items);
        root.put("nodeCertificate", unsigned.nodeCertificate());
        root.set("request", unsigned.request());
        root.put("requestHash", unsigned.requestHash());
        root.put("suite", unsigned.suite());
        return root;
    }

    /** The tree of one {@code AnswerItem}: its dataset and its records' trees from {@link #record}. */
    static ObjectNode item(String datasetId, ArrayNode records) {
        ObjectNode item = Json.mapper().createObjectNode();
        item.put("datasetId", datasetId);
        item.set("records", records);
        return item;
    }

    /** The tree of one disclosed record, with its batch's shared parts as kept fragments. */
    static ObjectNode record(RecordEvidence record, BatchEvidence batch) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.set("anchor", batch.anchorJson());
        node.set("anchorEvidence", batch.anchorEvidenceJson());
        node.set("disclosure", disclosure(record.disclosure()));
        node.set("inclusionProof", inclusionProof(record.inclusionProof()));
        return node;
    }

    /**
     * The tree of a disclosure, member for member as the mapper writes it: built directly, as the
     * mapper's reflective walk through a buffer of tokens cost more than the rest of an item.
     */
    static ObjectNode disclosure(Disclosure disclosure) {
        ObjectNode node = Json.mapper().createObjectNode();
        ObjectNode commitments = node.putObject("commitments");
        disclosure.commitments().forEach(commitments::put);
        putIfPresent(node, "datasetId", disclosure.datasetId());
        putIfPresent(node, "format", disclosure.format());
        ObjectNode openings = node.putObject("openings");
        disclosure.openings().forEach((field, opening) -> {
            if (opening == null) {
                openings.putNull(field);
                return;
            }
            ObjectNode open = openings.putObject(field);
            putIfPresent(open, "salt", opening.salt());
            open.set("value", opening.value() == null ? NullNode.getInstance() : opening.value());
        });
        putIfPresent(node, "recordId", disclosure.recordId());
        putIfPresent(node, "recordRoot", disclosure.recordRoot());
        putIfPresent(node, "subject", disclosure.subject());
        putIfPresent(node, "suite", disclosure.suite() == null ? null : disclosure.suite().name());
        node.put("version", disclosure.version());
        return node;
    }

    /** The tree of an inclusion proof, member for member as the mapper writes it. */
    static ObjectNode inclusionProof(InclusionProof proof) {
        ObjectNode node = Json.mapper().createObjectNode();
        putIfPresent(node, "format", proof.format());
        node.put("leafIndex", proof.leafIndex());
        ArrayNode path = node.putArray("path");
        proof.path().forEach(path::add);
        putIfPresent(node, "suite", proof.suite() == null ? null : proof.suite().name());
        node.put("treeSize", proof.treeSize());
        return node;
    }

    /** The tree of transaction evidence; the embedded ledger's holds its transaction and header by reference. */
    static JsonNode evidence(TransactionEvidence evidence) {
        if (!(evidence instanceof EmbeddedEvidence embedded)) {
            return Json.mapper().valueToTree(evidence);
        }
        ObjectNode node = Json.mapper().createObjectNode();
        putIfPresent(node, "blockHeader", embedded.blockHeader());
        if (embedded.blockSignature() != null) {
            node.put("blockSignature", embedded.blockSignature());
        }
        node.put("index", embedded.index());
        node.put("ledger", embedded.ledger());
        putIfPresent(node, "transaction", embedded.transaction());
        if (embedded.transactionsProof() != null) {
            node.set("transactionsProof", Json.mapper().valueToTree(embedded.transactionsProof()));
        }
        return node;
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static void putIfPresent(ObjectNode node, String name, JsonNode value) {
        if (value != null) {
            node.set(name, value);
        }
    }
}
