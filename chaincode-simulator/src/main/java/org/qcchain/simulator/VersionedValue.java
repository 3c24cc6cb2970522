package org.qcchain.simulator;

import java.util.Arrays;
import java.util.Objects;

/**
 * A committed value and the version of the transaction that wrote it.
 *
 * <p>The value is never empty: Fabric treats writing an empty value as deleting the key, so the
 * world state holds none. The array is copied in and out.
 *
 * @param value the value, not empty
 * @param version the height of the writing transaction
 */
public record VersionedValue(byte[] value, Version version) {

    /** Copies the value; rejects an empty one. */
    public VersionedValue {
        value = nonEmptyCopy(value);
        Objects.requireNonNull(version, "version");
    }

    /** A copy of the value. */
    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VersionedValue that
                && Arrays.equals(value, that.value)
                && version.equals(that.version);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(value) + version.hashCode();
    }

    @Override
    public String toString() {
        return "VersionedValue[" + value.length + " bytes, " + version.describe() + "]";
    }

    static byte[] nonEmptyCopy(byte[] value) {
        Objects.requireNonNull(value, "value");
        if (value.length == 0) {
            throw new IllegalArgumentException(
                    "a committed value is never empty: Fabric treats an empty value as a deletion");
        }
        return value.clone();
    }
}
