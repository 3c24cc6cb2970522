package org.qcchain.simulator;

import java.util.Objects;

/**
 * A key and the version a transaction saw for it.
 *
 * @param key the key
 * @param version the version seen; {@code null} when the key was absent
 */
public record KeyVersion(String key, Version version) {

    /** Requires a key. */
    public KeyVersion {
        Objects.requireNonNull(key, "key");
    }
}
