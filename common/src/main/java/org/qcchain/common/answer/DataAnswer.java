package org.qcchain.common.answer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.qcchain.common.json.Json;

/**
 * A node's answer to a data request, format {@value #FORMAT} (docs/proof-format.md, section 11):
 * the request as the consumer signed it, the access record with its ledger evidence, per dataset
 * the disclosed records with their proofs and anchors, and the node's signature over all of it.
 *
 * <p>In format {@value #FORMAT} the node signs batches of answers: {@code signature} covers the
 * {@link SignedBatch#batch() batch statement}, which {@code signedBatch} proves this answer's
 * digest to be in ({@link AnswerSignatures}). In format {@value #FORMAT_SINGLY_SIGNED}, still
 * verified, {@code signature} covers the answer itself and {@code signedBatch} is absent.
 *
 * <p>The node builds it; the client SDK verifies it without trusting the node. The request, the
 * access record and the anchors are kept as JSON trees, exactly as signed or stored, so that this
 * module does not depend on the chaincode's types.
 *
 * @param requestHash lowercase hex suite hash of the RFC 8785 bytes of {@code request}
 * @param signature base64 signature of the node: over the batch statement of {@code signedBatch}
 *     (format {@value #FORMAT}), or over {@link #signingBytes()} (format {@value
 *     #FORMAT_SINGLY_SIGNED}); null while unsigned
 * @param signedBatch the answer's place in the batch the node signed; null while unsigned and in
 *     format {@value #FORMAT_SINGLY_SIGNED}
 */
public record DataAnswer(
        String format,
        String suite,
        JsonNode request,
        String requestHash,
        AccessEvidence access,
        List<AnswerItem> items,
        String issuedAt,
        String nodeCertificate,
        String signature,
        SignedBatch signedBatch) {

    /** The format identifier of the envelope nodes issue: signed in batches. */
    public static final String FORMAT = "qcchain-answer/2";
    /** The format identifier of the first envelope, one signature per answer; still verified. */
    public static final String FORMAT_SINGLY_SIGNED = "qcchain-answer/1";

    public DataAnswer {
        items = items == null ? null : List.copyOf(items);
    }

    /**
     * The canonical JSON of this answer without {@code signature} and {@code signedBatch}: what the
     * node signs in format {@value #FORMAT_SINGLY_SIGNED}, and whose hash is the answer's leaf in
     * its batch in format {@value #FORMAT}.
     */
    public byte[] signingBytes() {
        return Json.canonicalBytes(signedBy(null, null));
    }

    /** This answer signed singly (format {@value #FORMAT_SINGLY_SIGNED}). */
    public DataAnswer withSignature(String newSignature) {
        return signedBy(newSignature, null);
    }

    /** This answer with {@code newSignature} over {@code batch}'s statement (format {@value #FORMAT}). */
    public DataAnswer signedBy(String newSignature, SignedBatch batch) {
        return new DataAnswer(format, suite, request, requestHash, access, items, issuedAt, nodeCertificate,
                newSignature, batch);
    }

    public String toJson() {
        return Json.write(this);
    }

    /** Parses an answer; malformed JSON or unknown fields give a {@link org.qcchain.common.json.JsonInputException}. */
    public static DataAnswer fromJson(String json) {
        return Json.parse(json, DataAnswer.class);
    }
}
