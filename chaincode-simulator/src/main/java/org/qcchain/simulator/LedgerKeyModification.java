package org.qcchain.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import org.hyperledger.fabric.shim.ledger.KeyModification;

/** A history entry as the chaincode sees it; a deletion has an empty value. */
final class LedgerKeyModification implements KeyModification {

    private final HistoryEntry entry;

    LedgerKeyModification(HistoryEntry entry) {
        this.entry = entry;
    }

    @Override
    public String getTxId() {
        return entry.txId();
    }

    @Override
    public byte[] getValue() {
        return entry.value();
    }

    @Override
    public String getStringValue() {
        return new String(entry.value(), UTF_8);
    }

    @Override
    public Instant getTimestamp() {
        return entry.timestamp();
    }

    @Override
    public boolean isDeleted() {
        return entry.deleted();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LedgerKeyModification that && entry.equals(that.entry);
    }

    @Override
    public int hashCode() {
        return entry.hashCode();
    }

    @Override
    public String toString() {
        return "KeyModification[" + entry + "]";
    }
}
