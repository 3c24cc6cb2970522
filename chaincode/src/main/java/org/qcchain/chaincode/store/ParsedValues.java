package org.qcchain.chaincode.store;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;
import org.qcchain.chaincode.model.Agreement;
import org.qcchain.chaincode.model.Consent;
import org.qcchain.chaincode.model.Dataset;
import org.qcchain.chaincode.model.Organisation;
import org.qcchain.chaincode.model.PlatformSettings;
import org.qcchain.common.json.Json;

/**
 * Parsed ledger values, remembered by their exact bytes. Almost every data request reads the same
 * few organisation, platform, dataset, agreement and consent records, and parsing their JSON
 * (an organisation carries its CA certificates) was a large part of simulating one.
 *
 * <p>Deterministic: parsing is a pure function of the bytes, a hit requires the very same bytes,
 * and only types that are deeply immutable records (their lists are copied into unmodifiable
 * ones) are kept, so a value handed out twice cannot have been changed in between. Values that
 * change with every request (a consent's use counter, access records) are not worth keeping and
 * are parsed as before.
 */
final class ParsedValues {

    private static final int CAPACITY = 1024;
    /** Larger values are parsed every time: they are rare and would crowd out the common ones. */
    private static final int MAX_BYTES = 64 * 1024;
    private static final Set<Class<?>> KEPT = Set.of(Organisation.class, PlatformSettings.class, Dataset.class,
            Agreement.class, Consent.class);

    private static final Map<Key, Object> PARSED = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
            return size() > CAPACITY;
        }
    };

    private ParsedValues() {}

    /** The value of {@code bytes} as {@code type}, parsed once per distinct bytes for the kept types. */
    static <T> T parse(byte[] bytes, Class<T> type) {
        if (!KEPT.contains(type) || bytes.length > MAX_BYTES) {
            return Json.parse(bytes, type);
        }
        // looked up with the caller's bytes; a copy is kept only when the value is taken in
        Key probe = new Key(type, bytes);
        synchronized (PARSED) {
            Object cached = PARSED.get(probe);
            if (cached != null) {
                return type.cast(cached);
            }
        }
        T parsed = Json.parse(bytes, type);
        synchronized (PARSED) {
            PARSED.put(new Key(type, bytes.clone(), probe.hash), parsed);
        }
        return parsed;
    }

    /** A type and the exact bytes of a value; compared by content. */
    private static final class Key {
        private final Class<?> type;
        private final byte[] bytes;
        private final int hash;

        Key(Class<?> type, byte[] bytes) {
            this(type, bytes, 31 * type.hashCode() + contentHash(bytes));
        }

        private Key(Class<?> type, byte[] bytes, int hash) {
            this.type = type;
            this.bytes = bytes;
            this.hash = hash;
        }

        /**
         * CRC-32C of the bytes: computed with CPU instructions, where {@link Arrays#hashCode(byte[])}
         * walks a record of several kilobytes (an organisation with its CA certificates) byte by byte
         * on every read. Only the bucket depends on it; a hit still needs equal bytes.
         */
        private static int contentHash(byte[] bytes) {
            CRC32C crc = new CRC32C();
            crc.update(bytes, 0, bytes.length);
            return (int) crc.getValue();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.type == type && key.hash == hash && Arrays.equals(key.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
