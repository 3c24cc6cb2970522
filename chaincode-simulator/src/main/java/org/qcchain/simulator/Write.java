package org.qcchain.simulator;

import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of a transaction's write set: a new value, or a deletion.
 *
 * <p>As in Fabric's {@code KVWrite}, a deletion carries an empty value and a write carries a
 * non-empty one: writing an empty value <em>is</em> a deletion.
 *
 * @param value the value written, empty for a deletion; copied in and out
 * @param delete whether the key is deleted
 */
public record Write(byte[] value, boolean delete) {

    private static final Write DELETION = new Write(new byte[0], true);

    /** Copies the value; requires an empty value exactly for a deletion. */
    public Write {
        Objects.requireNonNull(value, "value");
        if (delete == (value.length > 0)) {
            throw new IllegalArgumentException(delete
                    ? "a deletion carries no value"
                    : "a write of an empty value is a deletion; use Write.deletion()");
        }
        value = value.clone();
    }

    /**
     * The write of {@code value}; an empty value gives a deletion, as Fabric's peer records it.
     */
    public static Write of(byte[] value) {
        Objects.requireNonNull(value, "value");
        return value.length == 0 ? DELETION : new Write(value, false);
    }

    /** The deletion of a key. */
    public static Write deletion() {
        return DELETION;
    }

    /** A copy of the value; empty for a deletion. */
    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Write that && delete == that.delete
                && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(value) + Boolean.hashCode(delete);
    }

    @Override
    public String toString() {
        return delete ? "Write[delete]" : "Write[" + value.length + " bytes]";
    }
}
