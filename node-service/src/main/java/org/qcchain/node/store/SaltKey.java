package org.qcchain.node.store;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The provider's salt key, kept in the store's {@code store_meta} table and made at random when the
 * store is new. Record salts are derived from it (docs/proof-format.md, section 4), so it is as
 * secret as the data and lives with it. It also keys the digest by which a text record key enters
 * the record id ({@link RecordKeys}), so that the id does not give the key away.
 */
final class SaltKey {

    private static final String NAME = "saltKey";
    private static final int BYTES = 32;

    private SaltKey() {}

    static byte[] loadOrCreate(StoreDatabase database) {
        return database.run("read the salt key", connection -> {
            Optional<String> stored = StoreSchema.meta(connection, NAME);
            if (stored.isPresent()) {
                return Base64.getDecoder().decode(stored.get());
            }
            byte[] key = new byte[BYTES];
            new SecureRandom().nextBytes(key);
            StoreSchema.putMeta(connection, NAME, Base64.getEncoder().encodeToString(key));
            return key;
        });
    }
}
