package org.qcchain.common.answer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.qcchain.common.json.Json;

/**
 * A node's answer to a data request, format {@value #FORMAT} (docs/proof-format.md, section 11):
 * the request as the consumer signed it, the access record with its ledger evidence, per dataset
 * the disclosed records with their proofs and anchors, and the node's signature over all of it.
 *
 * <p>The node builds it; the client SDK verifies it without trusting the node. The request, the
 * access record and the anchors are kept as JSON trees, exactly as signed or stored, so that this
 * module does not depend on the chaincode's types.
 *
 * @param requestHash lowercase hex suite hash of the RFC 8785 bytes of {@code request}
 * @param signature base64 signature of the node over {@link #signingBytes()}; null while unsigned
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
        String signature) {

    /** The format identifier of this version of the envelope. */
    public static final String FORMAT = "qcchain-answer/1";

    public DataAnswer {
        items = items == null ? null : List.copyOf(items);
    }

    /** The bytes the node signs: the canonical JSON of this answer without its signature. */
    public byte[] signingBytes() {
        return Json.canonicalBytes(withSignature(null));
    }

    public DataAnswer withSignature(String newSignature) {
        return new DataAnswer(format, suite, request, requestHash, access, items, issuedAt, nodeCertificate,
                newSignature);
    }

    public String toJson() {
        return Json.write(this);
    }

    /** Parses an answer; malformed JSON or unknown fields give a {@link org.qcchain.common.json.JsonInputException}. */
    public static DataAnswer fromJson(String json) {
        return Json.parse(json, DataAnswer.class);
    }
}
