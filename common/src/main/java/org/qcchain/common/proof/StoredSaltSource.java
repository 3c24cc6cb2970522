package org.qcchain.common.proof;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The salts of one record version, kept by the provider after a random commit. */
final class StoredSaltSource implements SaltSource {

    private final Map<String, byte[]> salts = new TreeMap<>();

    StoredSaltSource(Map<String, byte[]> saltsByField) {
        Objects.requireNonNull(saltsByField, "saltsByField");
        saltsByField.forEach((field, salt) -> {
            if (!Syntax.FIELD_NAME.matches(field)) {
                throw new IllegalArgumentException("'" + field + "' is not a field name");
            }
            if (salt == null || salt.length != ProofFormat.SALT_LENGTH) {
                throw new IllegalArgumentException("salt of field '" + field + "' must be "
                        + ProofFormat.SALT_LENGTH + " bytes");
            }
            salts.put(field, salt.clone());
        });
    }

    @Override
    public byte[] salt(DataRecord record, String field) {
        byte[] salt = salts.get(field);
        if (salt == null) {
            throw new IllegalArgumentException("no stored salt for field '" + field + "' of " + record);
        }
        return salt.clone();
    }

    /** Never shows the salts. */
    @Override
    public String toString() {
        return "SaltSource.stored(" + salts.keySet() + ")";
    }
}
