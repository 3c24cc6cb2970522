package org.qcchain.common.crypto;

import java.security.SecureRandom;

/**
 * The random source for keys, certificate serial numbers and SM2 nonces; the only randomness in
 * this package. {@link SecureRandom} is thread-safe, so one instance serves all callers.
 */
final class Randomness {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Randomness() {}

    static SecureRandom get() {
        return RANDOM;
    }
}
