package org.qcchain.sdk.verify;

import java.util.Arrays;

/**
 * One transaction after {@link Verifier#verifyTransaction}: where it is on the ledger, what the
 * chaincode answered and which event it set. The caller compares the payload with what it was
 * shown (an access record in a subject's trail, an anchor): the verifier proved only that a valid
 * transaction answered these bytes.
 *
 * @param position where the transaction is on the ledger
 * @param payload the chaincode's response payload (a copy)
 * @param eventName the name of the event it set, or {@code null} when it set none
 */
public record VerifiedTransaction(LedgerPosition position, byte[] payload, String eventName) {

    /** Copies the payload. */
    public VerifiedTransaction {
        payload = payload.clone();
    }

    /** @return a copy of the chaincode's response payload */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifiedTransaction that && position.equals(that.position)
                && Arrays.equals(payload, that.payload) && java.util.Objects.equals(eventName, that.eventName);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * position.hashCode() + Arrays.hashCode(payload)) + java.util.Objects.hashCode(eventName);
    }

    /** The position and event only: a payload may be a record about a person. */
    @Override
    public String toString() {
        return "VerifiedTransaction[" + position + ", event=" + eventName + ", payload=" + payload.length + " bytes]";
    }
}
