package org.qcchain.ledger.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.qcchain.simulator.ChaincodeEventRecord;

/**
 * What became of a submitted transaction, known once its block is durably committed (or at once
 * when it was refused before ordering).
 *
 * <p>Switch on {@link #code()}: {@link ValidationCode#VALID} means committed. {@link #isRetryable()}
 * (MVCC or phantom read conflict) means another transaction of the same or an earlier block won
 * the race for a key, e.g. two data requests on one consent; build a <em>new</em> proposal and
 * submit again. Every other code is final for this call.
 *
 * @param txId the transaction id
 * @param code the validation code
 * @param validationMessage why, when not valid; empty when valid
 * @param status the chaincode's response status (0 if it never ran)
 * @param chaincodeMessage the chaincode's response message, e.g. {@code "CONSENT_EXHAUSTED: ..."}
 * @param payload the chaincode's response payload
 * @param event the chaincode event, committed only when valid
 * @param blockNumber the block holding the transaction; empty if it was not ordered
 */
public record CommitResult(String txId, ValidationCode code, String validationMessage, int status,
        String chaincodeMessage, byte[] payload, Optional<ChaincodeEventRecord> event,
        OptionalLong blockNumber) {

    /** Requires every part; copies the payload. */
    public CommitResult {
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(validationMessage, "validationMessage");
        Objects.requireNonNull(chaincodeMessage, "chaincodeMessage");
        payload = Objects.requireNonNull(payload, "payload").clone();
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(blockNumber, "blockNumber");
    }

    /** A refusal before ordering: bad proposal or signature, duplicate, or chaincode error. */
    static CommitResult refused(String txId, ValidationCode code, String message, int status,
            String chaincodeMessage, byte[] payload) {
        return new CommitResult(txId, code, message, status, chaincodeMessage, payload, Optional.empty(),
                OptionalLong.empty());
    }

    /** A copy of the payload. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload read as UTF-8, typically the function's JSON result. */
    public String payloadAsString() {
        return new String(payload, UTF_8);
    }

    /** Whether the transaction is committed and its writes applied. */
    public boolean isValid() {
        return code == ValidationCode.VALID;
    }

    /** Whether a new proposal for the same call may succeed (read conflicts only). */
    public boolean isRetryable() {
        return code.isRetryable();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CommitResult that && txId.equals(that.txId) && code == that.code
                && blockNumber.equals(that.blockNumber);
    }

    @Override
    public int hashCode() {
        return Objects.hash(txId, code, blockNumber);
    }

    @Override
    public String toString() {
        return "CommitResult[" + txId + ", " + code
                + (validationMessage.isEmpty() ? "" : " (" + validationMessage + ")")
                + blockNumber.stream().mapToObj(n -> ", block " + n).findFirst().orElse("") + "]";
    }
}
