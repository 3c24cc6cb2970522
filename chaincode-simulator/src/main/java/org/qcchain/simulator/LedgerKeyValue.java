package org.qcchain.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Arrays;
import org.hyperledger.fabric.shim.ledger.KeyValue;

/** A range query result as the chaincode sees it. */
final class LedgerKeyValue implements KeyValue {

    private final String key;
    private final byte[] value;

    LedgerKeyValue(VersionedKeyValue result) {
        this.key = result.key();
        this.value = result.value();
    }

    @Override
    public String getKey() {
        return key;
    }

    @Override
    public byte[] getValue() {
        return value.clone();
    }

    @Override
    public String getStringValue() {
        return new String(value, UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LedgerKeyValue that && key.equals(that.key)
                && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "KeyValue[" + Keys.printable(key) + ", " + value.length + " bytes]";
    }
}
