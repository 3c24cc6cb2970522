package org.qcchain.sdk.subject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.CanonicalJson;
import org.qcchain.common.json.Json;
import org.qcchain.common.json.JsonInputException;
import org.qcchain.sdk.verify.TrustAnchors;
import org.qcchain.sdk.verify.VerificationException;
import org.qcchain.sdk.verify.VerificationFailure;
import org.qcchain.sdk.verify.VerifiedTransaction;
import org.qcchain.sdk.verify.Verifier;

/**
 * Checks one entry of a subject's access trail against the ledger, trusting only {@link
 * TrustAnchors}: the access record is of the expected subject, and it is exactly what a valid
 * {@code requestAccess} transaction wrote. The transaction is checked by {@link
 * Verifier#verifyTransaction}, as an answer's access evidence is (docs/proof-format.md section 11):
 * on the embedded ledger the block is signed by a node certificate of a trusted node CA and holds
 * the transaction as VALID; on Fabric the block is orderer-signed and the transaction endorsed
 * on the trusted channel. Then it must be the {@code AccessDecided} transaction whose id is the
 * access id, and its response the record shown, apart from the delivery fields ({@code
 * answerHash}, {@code deliveredAt}) that a later transaction adds.
 *
 * <pre>{@code
 * AccessTrailVerifier verifier = AccessTrailVerifier.create(anchors, CryptoSuite.SM2_SM3);
 * for (AccessTrailEntry entry : page.entries()) {
 *     VerifiedAccess access = verifier.verify(entry, page.subject(), page.nodeCertificate());
 *     show(entry.consumerName(), access.purpose(), access.granted(), access.decidedAt());
 * }
 * }</pre>
 *
 * <p>Fabric evidence needs the channel in the trust anchors ({@code TrustAnchors.fabric()}), else it
 * is rejected with {@link VerificationFailure#FORMAT_UNSUPPORTED} (fail closed). Thread-safe.
 */
public final class AccessTrailVerifier {

    /** The chaincode's event of a decided request. */
    private static final String EVENT = "AccessDecided";
    /** Fields the delivery transaction adds to a granted record after the decision. */
    private static final List<String> DELIVERY_FIELDS = List.of("answerHash", "deliveredAt");

    private final Verifier transactions;

    private AccessTrailVerifier(Verifier transactions) {
        this.transactions = transactions;
    }

    /**
     * @param anchors the trusted node CAs, and for Fabric the channel and its organisations' CAs
     * @param suite the network's suite
     * @return a verifier
     */
    public static AccessTrailVerifier create(TrustAnchors anchors, CryptoSuite suite) {
        return create(Verifier.builder().trustAnchors(Objects.requireNonNull(anchors, "anchors"))
                .suite(Objects.requireNonNull(suite, "suite")).build());
    }

    /**
     * @param verifier a verifier to share, with its caches, e.g. the one that checks answers
     * @return a verifier of trail entries
     */
    public static AccessTrailVerifier create(Verifier verifier) {
        return new AccessTrailVerifier(Objects.requireNonNull(verifier, "verifier"));
    }

    /**
     * Verifies one trail entry.
     *
     * @param entry the entry as the node served it
     * @param expectedSubject the subject's pseudonym the app asked about
     * @param nodeCertificatePem the certificate that signs the embedded ledger's blocks ({@link
     *     AccessTrailPage#nodeCertificate()}); it must be issued by a trusted node CA. Unused (may
     *     be {@code null}) for Fabric evidence
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
        VerifiedTransaction tx = transactions.verifyTransaction(entry.evidence(), nodeCertificatePem);
        JsonNode written = writtenRecord(tx, accessId);
        if (!Arrays.equals(canonical(written), canonical(withoutDelivery(record)))) {
            throw notOnLedger("the transaction wrote another access record than the trail shows");
        }
        List<String> datasets = new ArrayList<>();
        written.path("items").forEach(item -> datasets.add(item.path("datasetId").asText()));
        return new VerifiedAccess(accessId, text(written, "consumerMspId", "record"),
                text(written, "purpose", "record"), datasets, "GRANTED".equals(text(written, "decision", "record")),
                written.hasNonNull("reasonCode") ? written.get("reasonCode").asText() : null,
                text(written, "decidedAt", "record"), tx.position());
    }

    /** The access record the {@code AccessDecided} transaction {@code accessId} answered with. */
    private static JsonNode writtenRecord(VerifiedTransaction tx, String accessId) throws VerificationException {
        if (!accessId.equals(tx.position().txId()) || !EVENT.equals(tx.eventName())) {
            throw notOnLedger("the evidence is transaction " + tx.position().txId() + " with event " + tx.eventName()
                    + ", not the " + EVENT + " transaction " + accessId);
        }
        try {
            return object(Json.tree(new String(tx.payload(), StandardCharsets.UTF_8)), "the transaction's response");
        } catch (JsonInputException | VerificationException e) {
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
