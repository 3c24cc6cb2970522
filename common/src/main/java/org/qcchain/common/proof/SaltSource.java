package org.qcchain.common.proof;

import java.util.Map;
import org.qcchain.common.crypto.CryptoSuite;

/**
 * Where the 32-byte salt of each field of each record version comes from.
 *
 * <p>Salts keep undisclosed values hidden: without its salt, a commitment to a plate number or a
 * birth year cannot be tested against guesses. Three standard sources:
 *
 * <ul>
 *   <li>{@link #random()}: fresh {@code SecureRandom} bytes; the provider stores the salts with the
 *       record version ({@link CommittedRecord#salt}) and later commits again through {@link
 *       #stored}.
 *   <li>{@link #derived}: {@code HMAC(key, "qcchain-proof/1/salt|" + datasetId + "|" + recordId + "|"
 *       + version + "|" + field)} in the suite's HMAC, so a provider can re-derive every salt from
 *       one secret instead of storing them. Whoever holds that key can test guesses against every
 *       commitment: guard it like the data itself.
 *   <li>{@link #stored}: the salts of one record version, as kept from an earlier commit.
 * </ul>
 *
 * <pre>{@code
 * RecordCommitter committer = RecordCommitter.create(suite, SaltSource.derived(suite, saltKey));
 * }</pre>
 */
public interface SaltSource {

    /**
     * The salt of one field of one record version.
     *
     * @param record the record being committed
     * @param field the name of one of its fields
     * @return exactly {@value ProofFormat#SALT_LENGTH} bytes, a new array the caller may keep
     */
    byte[] salt(DataRecord record, String field);

    /**
     * Fresh random salts from a {@code SecureRandom}: every commit of the same record gives another
     * root.
     *
     * @return a thread-safe source
     */
    static SaltSource random() {
        return new RandomSaltSource();
    }

    /**
     * Salts derived from a secret key, the same for the same dataset, record, version and field.
     *
     * @param suite whose HMAC to use (HMAC-SHA256 or HMAC-SM3)
     * @param key a secret of at least 32 bytes, used for nothing else; copied
     * @return a thread-safe source whose {@code toString} does not show the key
     * @throws IllegalArgumentException if the key is shorter than 32 bytes
     */
    static SaltSource derived(CryptoSuite suite, byte[] key) {
        return new DerivedSaltSource(suite, key);
    }

    /**
     * The salts kept from an earlier commit of one record version, by field name.
     *
     * @param saltsByField a salt of 32 bytes for every field of the record; copied
     * @return a source that fails with {@link IllegalArgumentException} for a field it has no salt for
     * @throws IllegalArgumentException if a salt is not 32 bytes or a name is not a field name
     */
    static SaltSource stored(Map<String, byte[]> saltsByField) {
        return new StoredSaltSource(saltsByField);
    }
}
