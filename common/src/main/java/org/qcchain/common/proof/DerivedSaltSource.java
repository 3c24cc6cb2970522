package org.qcchain.common.proof;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.qcchain.common.crypto.CryptoSuite;

/**
 * {@code HMAC(key, "qcchain-proof/1/salt|datasetId|recordId|version|field")}. The parts are joined
 * with {@code |}, which none of them can contain ({@link Syntax}), so distinct inputs never meet;
 * the prefix keeps these MACs apart from any other use of a key shared by mistake (pseudonyms are
 * MACs of {@code "TYPE:number"}, which never starts with a lowercase letter).
 */
final class DerivedSaltSource implements SaltSource {

    private static final int MIN_KEY_LENGTH = 32;
    private static final String PREFIX = ProofFormat.VERSION + "/salt";

    private final CryptoSuite suite;
    private final byte[] key;

    DerivedSaltSource(CryptoSuite suite, byte[] key) {
        this.suite = Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "salt key must be at least " + MIN_KEY_LENGTH + " bytes, was " + key.length);
        }
        this.key = key.clone();
    }

    @Override
    public byte[] salt(DataRecord record, String field) {
        String input = String.join("|", PREFIX, record.datasetId(), record.recordId(),
                Long.toString(record.version()), field);
        return suite.hmac(key, input.getBytes(StandardCharsets.UTF_8));
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "SaltSource.derived(" + suite + ")";
    }
}
