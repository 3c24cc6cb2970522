package org.qcchain.node.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Pseudonymizer;
import org.qcchain.common.io.DurableFiles;
import org.qcchain.common.io.DurableFiles.Access;

/**
 * The platform's pseudonymisation key, kept in the data folder as {@code platform.key} (base64,
 * owner-readable only). Every node and identity provider of a platform must use the same key, or
 * the same person gets different pseudonyms; back it up with the data folder.
 */
public final class PlatformKey {

    /** The file name inside the data folder. */
    public static final String FILE = "platform.key";

    private static final int KEY_BYTES = 32;

    private PlatformKey() {}

    /**
     * Reads the key, creating a random one in a new data folder.
     *
     * @param dataDir the node's data folder
     * @param suite the suite whose HMAC makes pseudonyms
     * @return the pseudonymizer under that key
     * @throws DamagedKey if the file is there but holds no key of at least 32 bytes in base64
     */
    public static Pseudonymizer loadOrCreate(Path dataDir, CryptoSuite suite) {
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(key);
                // forced to the disk before any pseudonym made with it is stored
                DurableFiles.create(file, (Base64.getEncoder().encodeToString(key) + "\n")
                        .getBytes(StandardCharsets.US_ASCII), Access.OWNER_ONLY);
            }
            return new Pseudonymizer(suite, read(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    private static byte[] read(Path file) throws IOException {
        try {
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (key.length >= KEY_BYTES) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // not base64: reported below with the short key
        }
        // another key would silently give every subject new pseudonyms
        throw new DamagedKey(file + " does not hold a key of at least " + KEY_BYTES
                + " bytes in base64; restore it from the backup of this data folder");
    }

    /** The key file is there but holds no usable key: restored from a backup, never replaced. */
    public static final class DamagedKey extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        DamagedKey(String message) {
            super(message);
        }
    }
}
