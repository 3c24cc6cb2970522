package org.qcchain.common.proof;

import java.security.SecureRandom;

/** Salts from the platform's default {@code SecureRandom}, which is thread-safe. */
final class RandomSaltSource implements SaltSource {

    private final SecureRandom random = new SecureRandom();

    @Override
    public byte[] salt(DataRecord record, String field) {
        byte[] salt = new byte[ProofFormat.SALT_LENGTH];
        random.nextBytes(salt);
        return salt;
    }

    @Override
    public String toString() {
        return "SaltSource.random()";
    }
}
