package org.qcchain.node.subject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.qcchain.chaincode.model.AccessQuery;
import org.qcchain.chaincode.model.AccessScope;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerIdentity;

/**
 * "Who used my data": a page of a subject's access trail ({@code Access:listAccessRecords}, scope
 * SUBJECT), each record with the evidence of the transaction that decided it, so the citizen app
 * can check every entry on the ledger without trusting the node, and with the consumer's
 * registered name for display. The node queries as itself (the operator may read trails for
 * relaying); the route lets only identity providers ask.
 *
 * <pre>{@code
 * ObjectNode page = trail.page(pseudonym, null, null, 50, "");
 * // {subject, nodeCertificate, records: [{record, evidence, consumerName}], bookmark, fetched}
 * }</pre>
 *
 * <p>Blocking: call from a worker thread.
 */
public final class SubjectTrail {

    private final LedgerBackend ledger;
    private final LedgerIdentity node;
    /** Block 0 never changes: read once. */
    private volatile Optional<String> blockSigner;

    /**
     * Creates the service.
     *
     * @param ledger the ledger
     * @param node the identity the node queries with
     */
    public SubjectTrail(LedgerBackend ledger, LedgerIdentity node) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.node = Objects.requireNonNull(node, "node");
    }

    /**
     * A page of the subject's trail with evidence.
     *
     * @param subject the subject's pseudonym
     * @param from inclusive lower bound on the decision time, or null
     * @param to exclusive upper bound on the decision time, or null
     * @param pageSize records per page
     * @param bookmark where the previous page ended, {@code ""} for the first
     * @return {@code {subject, nodeCertificate, records:[{record, evidence, consumerName}], bookmark,
     *     fetched}}; {@code nodeCertificate} is the certificate that signs the embedded ledger's blocks
     *     (absent on a Fabric ledger, whose evidence carries its own signers)
     * @throws ChaincodeFailure the chaincode refused the query, e.g. a malformed time or bookmark
     */
    public ObjectNode page(String subject, String from, String to, int pageSize, String bookmark)
            throws ChaincodeFailure {
        String query = Json.write(new AccessQuery(AccessScope.SUBJECT, subject, from, to, pageSize, bookmark));
        JsonNode page = Json.tree(ledger.evaluate(node, "Access:listAccessRecords", query));
        Map<String, String> names = new HashMap<>();
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.put("subject", subject);
        blockSigner().ifPresent(pem -> answer.put("nodeCertificate", pem));
        ArrayNode records = answer.putArray("records");
        for (JsonNode record : page.path("records")) {
            ObjectNode entry = records.addObject();
            entry.set("record", record);
            String accessId = record.path("accessId").asText();
            Optional<TransactionEvidence> evidence = ledger.evidence(accessId);
            if (evidence.isPresent()) {
                entry.set("evidence", Json.mapper().valueToTree(evidence.get()));
            }
            String consumer = record.path("consumerMspId").asText();
            String name = names.get(consumer);
            if (name == null) {
                name = nameOf(consumer);
                names.put(consumer, name);
            }
            entry.put("consumerName", name);
        }
        answer.set("bookmark", page.path("bookmark"));
        answer.set("fetched", page.path("fetched"));
        return answer;
    }

    /** The registered name of an organisation; its MSP id if it is no longer registered. */
    private String nameOf(String mspId) throws ChaincodeFailure {
        try {
            return Json.tree(ledger.evaluate(node, "Organisations:getOrganisation", mspId)).path("name")
                    .asText(mspId);
        } catch (ChaincodeFailure e) {
            if (e.errorCode() == ErrorCode.ORGANISATION_NOT_FOUND) {
                return mspId;
            }
            throw e;
        }
    }

    /** The certificate named by the embedded ledger's genesis block, which signs every block. */
    private Optional<String> blockSigner() {
        Optional<String> known = blockSigner;
        if (known == null) {
            known = ledger.block(0).map(block -> block.path("header").path("genesis").path("nodeCertificate"))
                    .filter(JsonNode::isTextual).map(JsonNode::asText);
            blockSigner = known;
        }
        return known;
    }
}
