package org.qcchain.node.answer;

import java.util.Objects;
import org.qcchain.common.answer.DataAnswer;

/**
 * A granted request's signed answer, ready to send.
 *
 * @param accessId the access record (the requestAccess transaction id)
 * @param answer the signed envelope
 * @param json the envelope's JSON, exactly as sent
 * @param answerHash hex suite hash of the canonical JSON of the signed envelope, recorded on the
 *     ledger by {@code Access:recordDelivery}
 */
public record GrantedAnswer(String accessId, DataAnswer answer, String json, String answerHash) {

    /** Requires every part. */
    public GrantedAnswer {
        Objects.requireNonNull(accessId, "accessId");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(answerHash, "answerHash");
    }
}
