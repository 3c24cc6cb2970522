package org.qcchain.simulator;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One committed modification of a key, as Fabric's history database returns it: the writing
 * transaction, its timestamp (the proposal's), and the value written, or a deletion.
 *
 * @param txId the transaction that wrote
 * @param timestamp the transaction's timestamp
 * @param value the value written; empty for a deletion; copied in and out
 * @param deleted whether the transaction deleted the key
 */
public record HistoryEntry(String txId, Instant timestamp, byte[] value, boolean deleted) {

    /** Copies the value; a deletion carries an empty value and a write a non-empty one. */
    public HistoryEntry {
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(value, "value");
        if (deleted == (value.length > 0)) {
            throw new IllegalArgumentException(
                    deleted ? "a deletion carries no value" : "a write carries a non-empty value");
        }
        value = value.clone();
    }

    /** A copy of the value; empty for a deletion. */
    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HistoryEntry that
                && txId.equals(that.txId)
                && timestamp.equals(that.timestamp)
                && Arrays.equals(value, that.value)
                && deleted == that.deleted;
    }

    @Override
    public int hashCode() {
        return Objects.hash(txId, timestamp, Arrays.hashCode(value), deleted);
    }

    @Override
    public String toString() {
        return "HistoryEntry[" + txId + ", " + timestamp + ", "
                + (deleted ? "deleted" : value.length + " bytes") + "]";
    }
}
