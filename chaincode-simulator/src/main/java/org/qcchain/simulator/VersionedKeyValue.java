package org.qcchain.simulator;

import java.util.Arrays;
import java.util.Objects;

/**
 * One result of a range read of the world state: key, committed value and version.
 *
 * @param key the key
 * @param value the value, not empty; copied in and out
 * @param version the height of the transaction that wrote it
 */
public record VersionedKeyValue(String key, byte[] value, Version version) {

    /** Copies the value; rejects an empty one. */
    public VersionedKeyValue {
        Objects.requireNonNull(key, "key");
        value = VersionedValue.nonEmptyCopy(value);
        Objects.requireNonNull(version, "version");
    }

    /** A copy of the value. */
    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VersionedKeyValue that
                && key.equals(that.key)
                && Arrays.equals(value, that.value)
                && version.equals(that.version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, Arrays.hashCode(value), version);
    }

    @Override
    public String toString() {
        return "VersionedKeyValue[" + Keys.printable(key) + ", " + value.length + " bytes, "
                + version.describe() + "]";
    }
}
