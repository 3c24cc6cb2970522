package org.qcchain.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of simulating one proposal: the chaincode's response as the peer receives it, what
 * the transaction read and wrote, and its event.
 *
 * <p>Message and payload are never {@code null}: on the wire to the peer, a missing one is empty.
 * A failed simulation still carries what it read and wrote, for diagnosis; a ledger commits only
 * successful ones.
 *
 * @param txId the transaction id
 * @param status the response status: 200 on success, 500 on error
 * @param message the response message; empty if none. On error, as the shim's router sets it: a
 *     {@code ChaincodeException}'s message; {@code "Error during contract method execution"} for
 *     any other exception the contract throws; {@code "Unexpected error"} for a failure before the
 *     contract method runs (unknown contract, too few arguments, a creator that is not a
 *     serialized X.509 identity)
 * @param payload the response payload, e.g. the transaction function's return value; copied in
 *     and out
 * @param readWriteSet what the transaction read and wrote
 * @param event the event the transaction set, if any
 */
public record SimulationResult(String txId, int status, String message, byte[] payload,
        ReadWriteSet readWriteSet, Optional<ChaincodeEventRecord> event) {

    /** Copies the payload; {@code null} message or payload become empty. */
    public SimulationResult {
        Objects.requireNonNull(txId, "txId");
        message = message == null ? "" : message;
        payload = payload == null ? new byte[0] : payload.clone();
        Objects.requireNonNull(readWriteSet, "readWriteSet");
        Objects.requireNonNull(event, "event");
    }

    /** Whether the chaincode succeeded: status 200 to 399, as Fabric's endorser decides. */
    public boolean isSuccess() {
        return status >= 200 && status < 400;
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

    @Override
    public boolean equals(Object other) {
        return other instanceof SimulationResult that
                && txId.equals(that.txId)
                && status == that.status
                && message.equals(that.message)
                && Arrays.equals(payload, that.payload)
                && readWriteSet.equals(that.readWriteSet)
                && event.equals(that.event);
    }

    @Override
    public int hashCode() {
        return Objects.hash(txId, status, message, Arrays.hashCode(payload), readWriteSet, event);
    }

    @Override
    public String toString() {
        return "SimulationResult[" + txId + ", status " + status
                + (message.isEmpty() ? "" : " " + message) + ", " + payload.length + " bytes, "
                + readWriteSet + event.map(e -> ", event " + e.name()).orElse("") + "]";
    }
}
