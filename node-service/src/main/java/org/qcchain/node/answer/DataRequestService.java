package org.qcchain.node.answer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.qcchain.chaincode.model.AccessRecord;
import org.qcchain.chaincode.model.AccessRequest;
import org.qcchain.chaincode.model.Decision;
import org.qcchain.chaincode.model.DeliveryReceipt;
import org.qcchain.chaincode.model.SignedAccessRequest;
import org.qcchain.common.answer.AccessEvidence;
import org.qcchain.common.answer.AnswerItem;
import org.qcchain.common.answer.DataAnswer;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.Committed;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.store.ProviderStores;

/**
 * Mediates a data request: the node submits the consumer's signed request as itself (the
 * operator's node; the chaincode accepts an OPERATOR carrying a consumer-signed request and
 * records the node as submitter), the chaincode decides and writes the access record, and on a
 * grant the node answers with the signed {@code qcchain-answer/1} envelope.
 *
 * <pre>{@code
 * GrantedAnswer granted = service.request(signedRequest);   // AccessDenied, RecordIncomplete
 * send(granted.json());
 * service.recordDelivery(granted);
 * }</pre>
 *
 * <p>Blocking: call from a worker thread.
 */
public final class DataRequestService {

    private final LedgerBackend ledger;
    private final LedgerIdentity node;
    private final CryptoSuite suite;
    private final AnswerItems items;

    /**
     * Creates the service.
     *
     * @param ledger the ledger
     * @param node the node's identity: submits requests, signs answers
     * @param stores the provider stores this node hosts
     */
    public DataRequestService(LedgerBackend ledger, LedgerIdentity node, ProviderStores stores) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.node = Objects.requireNonNull(node, "node");
        this.suite = ledger.suite();
        this.items = new AnswerItems(stores, new BatchEvidenceCache(ledger, node), suite);
    }

    /**
     * Submits the request and, if granted, builds and signs the answer.
     *
     * @param signed the consumer's signed request
     * @return the answer
     * @throws AccessDenied the chaincode denied the request (and recorded the denial)
     * @throws ChaincodeFailure the chaincode refused the request as malformed, or the ledger failed
     * @throws RecordIncomplete the request was granted, but a provider's record lacks a requested
     *     field, so no verifiable answer exists; nothing is sent and no delivery recorded
     */
    public GrantedAnswer request(SignedAccessRequest signed)
            throws AccessDenied, ChaincodeFailure, RecordIncomplete {
        Committed committed = ledger.submit(node, "Access:requestAccess", Json.write(signed));
        AccessRecord record = Json.parse(committed.payload(), AccessRecord.class);
        if (record.decision() != Decision.GRANTED) {
            throw new AccessDenied(record);
        }
        AccessRequest request = signed.request();
        String requestHash = suite.hashHex(Json.canonicalBytes(request));
        if (!requestHash.equals(record.requestHash())) {
            throw new IllegalStateException("the ledger recorded request hash " + record.requestHash()
                    + " but the request hashes to " + requestHash);
        }
        TransactionEvidence accessEvidence = ledger.evidence(committed.txId()).orElseThrow(() ->
                new ChaincodeFailure(ErrorCode.LEDGER_UNAVAILABLE, "Access:requestAccess",
                        "transaction " + committed.txId() + " is not in a block"));
        List<AnswerItem> answerItems = items.build(request, record);
        JsonNode requestNode = Json.mapper().valueToTree(request);
        DataAnswer unsigned = new DataAnswer(DataAnswer.FORMAT, suite.name(), requestNode, requestHash,
                new AccessEvidence(Json.tree(committed.payload()), accessEvidence), answerItems,
                Instant.now().toString(), node.identity().certificatePem(), null);
        DataAnswer answer = unsigned.withSignature(Base64.getEncoder().encodeToString(
                node.identity().sign(unsigned.signingBytes())));
        String answerHash = suite.hashHex(Json.canonicalBytes(answer));
        return new GrantedAnswer(record.accessId(), answer, answer.toJson(), answerHash);
    }

    /**
     * Records on the ledger that the answer was delivered, with its hash. Only the submitter of
     * the request may, which is this node.
     *
     * @param granted the answer sent
     * @throws ChaincodeFailure if the chaincode refuses (e.g. recorded before)
     */
    public void recordDelivery(GrantedAnswer granted) throws ChaincodeFailure {
        ledger.submit(node, "Access:recordDelivery",
                Json.write(new DeliveryReceipt(granted.accessId(), granted.answerHash())));
    }
}
