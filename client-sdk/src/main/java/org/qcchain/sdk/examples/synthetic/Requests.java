package org.qcchain.sdk.examples.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Base64;
import java.util.TreeSet;
import org.qcchain.common.crypto.Certificates;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.json.Json;
import org.qcchain.common.proof.MerkleTree;

/**
 * The chaincode's JSON shapes (docs/chaincode.md) as a node holds them: the consumer's
 * AccessRequest, the AccessRecord that {@code requestAccess} returned, the Anchor that {@code
 * anchorBatch} returned.
 */
final class Requests {

    private Requests() {}

    static ObjectNode request(Scenario scenario, String subject, String nonce) {
        if (scenario.request != null) {
            return (ObjectNode) scenario.request.deepCopy();
        }
        ObjectNode request = Json.mapper().createObjectNode();
        request.put("consumerMspId", scenario.consumerMspId).put("subject", subject).put("consentId", "consent-0001")
                .put("purpose", scenario.purpose).put("timestamp", scenario.issuedAt.minusSeconds(2).toString())
                .put("nonce", nonce);
        ArrayNode items = request.putArray("items");
        for (Scenario.Dataset dataset : scenario.datasets) {
            ObjectNode item = items.addObject().put("datasetId", dataset.datasetId());
            ArrayNode fields = item.putArray("fields");
            new TreeSet<>(dataset.requested()).forEach(fields::add);
        }
        return request;
    }

    static ObjectNode accessRecord(Scenario scenario, JsonNode request, String requestHash, CryptoSuite suite,
            String accessId, Identity node) {
        ObjectNode record = Json.mapper().createObjectNode();
        Instant decided = scenario.issuedAt.minusMillis(750);
        record.put("accessId", accessId).put("requestHash", requestHash).put("hashSuite", suite.name())
                .put("consumerMspId", request.get("consumerMspId").asText()).put("submitterMspId", "OperatorMSP")
                .put("subject", request.get("subject").asText()).put("consentId", request.get("consentId").asText())
                .put("purpose", request.get("purpose").asText()).put("decision", scenario.decision)
                .put("decidedAt", decided.toString()).put("requestTimestamp", request.get("timestamp").asText())
                .put("nonce", request.get("nonce").asText())
                .put("certificateFingerprint", Certificates.fingerprint(node.certificate()))
                .put("retainUntil", decided.plusSeconds(30L * 86_400).toString()).put("usesRemaining", 4);
        ArrayNode items = record.putArray("items");
        for (Scenario.Dataset dataset : scenario.datasets) {
            ObjectNode item = items.addObject().put("datasetId", dataset.datasetId())
                    .put("providerMspId", dataset.providerMspId()).put("agreementId", "agr-" + dataset.datasetId());
            item.set("fields", request.get("items").get(items.size() - 1).get("fields").deepCopy());
        }
        return record;
    }

    static ObjectNode anchor(CryptoSuite suite, Scenario.Dataset dataset, MerkleTree tree, Identity signer, String txId,
            Instant anchoredAt) {
        ObjectNode statement = Json.mapper().createObjectNode();
        statement.put("datasetId", dataset.datasetId()).put("batchId", "batch-" + txId.substring(0, 8))
                .put("merkleRoot", tree.rootHex()).put("recordCount", tree.size()).put("hashSuite", suite.name());
        ObjectNode anchor = Json.mapper().createObjectNode();
        anchor.set("statement", statement);
        anchor.put("providerMspId", dataset.providerMspId()).put("signerCertificate", signer.certificatePem())
                .put("signature", Base64.getEncoder().encodeToString(signer.sign(Json.canonicalBytes(statement))))
                .put("anchoredAt", anchoredAt.toString()).put("txId", txId);
        return anchor;
    }
}
