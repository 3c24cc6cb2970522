package org.qcchain.ledger.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Objects;

/**
 * The chaincode's answer to an evaluation: a query simulated against the latest committed state
 * and never ordered.
 *
 * @param txId the proposal's transaction id
 * @param status the response status: 200 on success, 500 on a chaincode error
 * @param message the response message, e.g. {@code "NOT_AUTHORIZED: ..."}
 * @param payload the response payload
 */
public record EvaluateResult(String txId, int status, String message, byte[] payload) {

    /** Requires every part; copies the payload. */
    public EvaluateResult {
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(message, "message");
        payload = Objects.requireNonNull(payload, "payload").clone();
    }

    /** A copy of the payload. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload read as UTF-8. */
    public String payloadAsString() {
        return new String(payload, UTF_8);
    }

    /** Whether the chaincode succeeded (status 200 to 399). */
    public boolean isSuccess() {
        return status >= 200 && status < 400;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EvaluateResult that && txId.equals(that.txId) && status == that.status
                && message.equals(that.message) && java.util.Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(txId, status, message, java.util.Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "EvaluateResult[" + txId + ", status " + status + "]";
    }
}
