package org.qcchain.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Arrays;
import java.util.Objects;

/**
 * A chaincode event, as the peer completes it: the name and payload the chaincode set, with the
 * chaincode and transaction that emitted it.
 *
 * @param chaincodeName the emitting chaincode
 * @param txId the emitting transaction
 * @param name the event name
 * @param payload the payload, possibly empty; copied in and out
 */
public record ChaincodeEventRecord(String chaincodeName, String txId, String name,
        byte[] payload) {

    /** Copies the payload. */
    public ChaincodeEventRecord {
        Objects.requireNonNull(chaincodeName, "chaincodeName");
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(name, "name");
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

    @Override
    public boolean equals(Object other) {
        return other instanceof ChaincodeEventRecord that
                && chaincodeName.equals(that.chaincodeName)
                && txId.equals(that.txId)
                && name.equals(that.name)
                && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(chaincodeName, txId, name, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "ChaincodeEventRecord[" + name + " from " + chaincodeName + " in " + txId + ", "
                + payload.length + " bytes]";
    }
}
