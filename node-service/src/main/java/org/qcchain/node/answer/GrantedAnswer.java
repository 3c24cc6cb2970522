package org.qcchain.node.answer;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.qcchain.common.answer.DataAnswer;

/**
 * A granted request's signed answer, ready to send.
 *
 * @param accessId the access record (the requestAccess transaction id)
 * @param answer the signed envelope
 * @param json the envelope's canonical JSON as UTF-8, exactly as sent; shared, not copied (tens of
 *     kilobytes per answer, written once and only read afterwards)
 * @param answerHash hex suite hash of the canonical JSON of the signed envelope, recorded on the
 *     ledger by {@code Access:recordDelivery}
 */
public record GrantedAnswer(String accessId, DataAnswer answer, AnswerBytes json, String answerHash) {

    /** Requires every part. */
    public GrantedAnswer {
        Objects.requireNonNull(accessId, "accessId");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(answerHash, "answerHash");
    }

    /** @return the envelope's JSON as text */
    public String jsonText() {
        return new String(json.toByteArray(), StandardCharsets.UTF_8);
    }
}
