package org.qcchain.sdk.subject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.qcchain.common.answer.EmbeddedEvidence;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.CanonicalJson;
import org.qcchain.common.json.Json;
import org.qcchain.common.json.JsonInputException;
import org.qcchain.common.proof.BatchRoot;
import org.qcchain.common.proof.ProofException;
import org.qcchain.common.proof.ProofVerifier;
import org.qcchain.sdk.verify.ChainReport;
import org.qcchain.sdk.verify.ChainVerificationException;
import org.qcchain.sdk.verify.ChainVerifier;
import org.qcchain.sdk.verify.LedgerPosition;
import org.qcchain.sdk.verify.TrustAnchors;
import org.qcchain.sdk.verify.VerificationException;
import org.qcchain.sdk.verify.VerificationFailure;

/**
 * Checks one entry of a subject's access trail against the ledger, trusting only {@link
 * TrustAnchors}: the access record is of the expected subject, and it is exactly what a valid
 * {@code requestAccess} transaction wrote. The transaction checks are those of an answer's access
 * evidence (docs/proof-format.md section 11, "Transaction evidence"): the block's node certificate
 * is issued by a trusted node CA and signed the block header ({@link ChainVerifier}); the
 * transaction hashes into the header's transactions root at its index ({@link ProofVerifier}); the
 * header marks it VALID and the chaincode answered below 400; it is the {@code AccessDecided}
 * transaction whose id is the access id; and its response is the record shown, apart from the
 * delivery fields ({@code answerHash}, {@code deliveredAt}) that a later transaction adds.
 *
 * <pre>{@code
 * AccessTrailVerifier verifier = AccessTrailVerifier.create(anchors, CryptoSuite.SM2_SM3);
 * for (AccessTrailEntry entry : page.entries()) {
 *     VerifiedAccess access = verifier.verify(entry, page.subject(), page.nodeCertificate());
 *     show(entry.consumerName(), access.purpose(), access.granted(), access.decidedAt());
 * }
 * }</pre>
 *
 * <p>Evidence of the embedded ledger only, for now: Fabric evidence is rejected with {@link
 * VerificationFailure#FORMAT_UNSUPPORTED} (fail closed). Thread-safe.
 */
public final class AccessTrailVerifier {

    /** The chaincode's event of a decided request. */
    private static final String EVENT = "AccessDecided";
    /** Fields the delivery transaction adds to a granted record after the decision. */
    private static final List<String> DELIVERY_FIELDS = List.of("answerHash", "deliveredAt");

    private final CryptoSuite suite;
    private final ChainVerifier blocks;
    private final ProofVerifier proofs;

    private AccessTrailVerifier(TrustAnchors anchors, CryptoSuite suite) {
        this.suite = suite;
        this.blocks = ChainVerifier.create(anchors, suite);
        this.proofs = ProofVerifier.forSuite(suite);
    }

    /**
     * @param anchors the trusted node CAs
     * @param suite the network's suite
     * @return a verifier
     */
    public static AccessTrailVerifier create(TrustAnchors anchors, CryptoSuite suite) {
        return new AccessTrailVerifier(Objects.requireNonNull(anchors, "anchors"), Objects.requireNonNull(suite, "suite"));
    }

    /**
     * Verifies one trail entry.
     *
     * @param entry the entry as the node served it
     * @param expectedSubject the subject's pseudonym the app asked about
     * @param nodeCertificatePem the certificate that signs the ledger's blocks ({@link
     *     AccessTrailPage#nodeCertificate()}); it must be issued by a trusted node CA
     * @return what the ledger recorded
     * @throws VerificationException naming the first check that failed
     */
    public VerifiedAccess verify(AccessTrailEntry entry, String expectedSubject, String nodeCertificatePem)
            throws VerificationException {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(expectedSubject, "expectedSubject");
        JsonNode record = object(entry.record(), "record");
        String accessId = text(record, "accessId", "record");
        if (!expectedSubject.equals(text(record, "subject", "record"))) {
            throw new VerificationException(VerificationFailure.ACCESS_RECORD_MISMATCH,
                    "access record " + accessId + " is about another subject");
        }
        EmbeddedEvidence evidence = embedded(entry.evidence());
        JsonNode header = object(evidence.blockHeader(), "evidence.blockHeader");
        ChainReport block = signedBlock(header, evidence.blockSignature(), nodeCertificatePem);
        JsonNode tx = object(evidence.transaction(), "evidence.transaction");
        included(tx, header, evidence);
        JsonNode written = writtenRecord(tx, accessId);
        if (!Arrays.equals(canonical(written), canonical(withoutDelivery(record)))) {
            throw notOnLedger("the transaction wrote another access record than the trail shows");
        }
        List<String> datasets = new ArrayList<>();
        written.path("items").forEach(item -> datasets.add(item.path("datasetId").asText()));
        LedgerPosition position = new LedgerPosition(accessId, block.lastBlock(), block.lastHash(), evidence.index());
        return new VerifiedAccess(accessId, text(written, "consumerMspId", "record"),
                text(written, "purpose", "record"), datasets, "GRANTED".equals(text(written, "decision", "record")),
                written.hasNonNull("reasonCode") ? written.get("reasonCode").asText() : null,
                text(written, "decidedAt", "record"), position);
    }

    private static EmbeddedEvidence embedded(TransactionEvidence any) throws VerificationException {
        if (any == null) {
            throw malformed("evidence is missing");
        }
        if (!(any instanceof EmbeddedEvidence evidence) || !TransactionEvidence.EMBEDDED.equals(any.ledger())) {
            throw new VerificationException(VerificationFailure.FORMAT_UNSUPPORTED, "evidence of ledger '"
                    + any.ledger() + "'; this verifier checks '" + TransactionEvidence.EMBEDDED + "' evidence");
        }
        return evidence;
    }

    /** The node certificate is trusted and signed this header; returns the block's number and hash. */
    private ChainReport signedBlock(JsonNode header, String signature, String nodeCertificatePem)
            throws VerificationException {
        ObjectNode block = Json.mapper().createObjectNode();
        block.set("header", header);
        block.put("signature", signature == null ? "" : signature);
        try {
            return blocks.verify(List.of(block), null, nodeCertificatePem == null ? "" : nodeCertificatePem);
        } catch (ChainVerificationException e) {
            // the failure names the check; a one-block stretch has no link to check
            throw new VerificationException(e.failure(), "evidence: " + e.getMessage(), e);
        }
    }

    /** The transaction hashes into the header's root at its index, VALID, with a success status. */
    private void included(JsonNode tx, JsonNode header, EmbeddedEvidence evidence) throws VerificationException {
        JsonNode codes = header.get("validationCodes");
        int index = evidence.index();
        if (codes == null || !codes.isArray() || index < 0 || index >= codes.size()
                || evidence.transactionsProof() == null || evidence.transactionsProof().leafIndex() != index) {
            throw new VerificationException(VerificationFailure.BLOCK_TRANSACTION_NOT_INCLUDED,
                    "evidence: no inclusion proof for index " + index);
        }
        try {
            proofs.verifyInclusion(suite.hash(canonical(tx)), evidence.transactionsProof(),
                    new BatchRoot(suite, text(header, "transactionsRoot", "evidence.blockHeader"), codes.size()));
        } catch (ProofException | RuntimeException e) {
            throw new VerificationException(VerificationFailure.BLOCK_TRANSACTION_NOT_INCLUDED,
                    "evidence: the transaction is not at index " + index + " of its block (" + e.getMessage() + ")", e);
        }
        if (!"VALID".equals(codes.get(index).asText())) {
            throw new VerificationException(VerificationFailure.TRANSACTION_INVALID, "evidence: the block marks the"
                    + " transaction " + codes.get(index).asText());
        }
        if (tx.path("response").path("status").asInt(500) >= 400) {
            throw new VerificationException(VerificationFailure.TRANSACTION_INVALID,
                    "evidence: the chaincode did not answer with success");
        }
    }

    /** The access record the {@code AccessDecided} transaction {@code accessId} answered with. */
    private static JsonNode writtenRecord(JsonNode tx, String accessId) throws VerificationException {
        String event = tx.path("event").path("name").asText(null);
        if (!accessId.equals(tx.path("txId").asText()) || !EVENT.equals(event)) {
            throw notOnLedger("the evidence is transaction " + tx.path("txId").asText() + " with event " + event
                    + ", not the " + EVENT + " transaction " + accessId);
        }
        try {
            byte[] payload = Base64.getDecoder().decode(text(tx.path("response"), "payload", "evidence.response"));
            return object(Json.tree(new String(payload, StandardCharsets.UTF_8)), "the transaction's response");
        } catch (IllegalArgumentException | JsonInputException e) {
            throw notOnLedger("the transaction's response is not an access record");
        }
    }

    private static JsonNode withoutDelivery(JsonNode record) {
        ObjectNode copy = record.deepCopy();
        DELIVERY_FIELDS.forEach(copy::remove);
        return copy;
    }

    private static byte[] canonical(JsonNode node) throws VerificationException {
        try {
            return CanonicalJson.serializeUtf8(node);
        } catch (IllegalArgumentException e) {
            throw malformed("no canonical JSON: " + e.getMessage());
        }
    }

    private static JsonNode object(JsonNode node, String what) throws VerificationException {
        if (node == null || !node.isObject()) {
            throw malformed(what + " is missing or not a JSON object");
        }
        return node;
    }

    private static String text(JsonNode node, String name, String what) throws VerificationException {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual()) {
            throw malformed(what + "." + name + " is missing or not a string");
        }
        return value.textValue();
    }

    private static VerificationException malformed(String detail) {
        return new VerificationException(VerificationFailure.MALFORMED, detail);
    }

    private static VerificationException notOnLedger(String detail) {
        return new VerificationException(VerificationFailure.ACCESS_RECORD_NOT_ON_LEDGER, detail);
    }
}
