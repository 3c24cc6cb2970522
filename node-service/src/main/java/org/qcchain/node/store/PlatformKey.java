package org.qcchain.node.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Pseudonymizer;

/**
 * The platform's pseudonymisation key, kept in the data folder as {@code platform.key} (base64,
 * owner-readable only). Every node and identity provider of a platform must use the same key, or
 * the same person gets different pseudonyms; back it up with the data folder.
 */
public final class PlatformKey {

    /** The file name inside the data folder. */
    public static final String FILE = "platform.key";

    private PlatformKey() {}

    /**
     * Reads the key, creating a random one in a new data folder.
     *
     * @param dataDir the node's data folder
     * @param suite the suite whose HMAC makes pseudonyms
     * @return the pseudonymizer under that key
     */
    public static Pseudonymizer loadOrCreate(Path dataDir, CryptoSuite suite) {
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(dataDir);
                Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n",
                        StandardOpenOption.CREATE_NEW);
                restrict(file);
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
            return new Pseudonymizer(suite, key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the folder's own permissions have to do
        }
    }
}
