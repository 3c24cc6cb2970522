package org.qcchain.node.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Pseudonymizer;

/**
 * What a node needs to answer from live datasets, whose values stay in the source unit's
 * database: the credentials of each provider's source (from the environment, never from a file)
 * and the pseudonymizer and suite, to check that a row read again still names the record that was
 * anchored.
 *
 * @param credentials the user and password of a provider's source database
 * @param pseudonyms the platform's pseudonymizer
 * @param suite the platform's suite
 * @param dataDir the node's data folder, for source URLs that name it ({@link DataFolderUrl})
 */
public record LiveAccess(Credentials credentials, Pseudonymizer pseudonyms, CryptoSuite suite, Path dataDir) {

    /** The environment variables of every provider's source, as {@code qcchain import} reads them. */
    public static final String USER_VARIABLE = "QCCHAIN_SOURCE_USER";
    public static final String PASSWORD_VARIABLE = "QCCHAIN_SOURCE_PASSWORD";

    /** Requires every part. */
    public LiveAccess {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(pseudonyms, "pseudonyms");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(dataDir, "dataDir");
    }

    /** A provider's database user and password; either may be null. */
    public record Login(String user, String password) {

        /** Never shows the password. */
        @Override
        public String toString() {
            return "Login[" + user + "]";
        }
    }

    /** Finds a provider's login. */
    @FunctionalInterface
    public interface Credentials {
        Login of(String providerMspId);
    }

    /**
     * Logins from environment variables: {@code QCCHAIN_SOURCE_<MSPID>_USER} and {@code
     * QCCHAIN_SOURCE_<MSPID>_PASSWORD} for one provider (its MSP id upper case, {@code .} and
     * {@code -} as {@code _}), else {@link #USER_VARIABLE} and {@link #PASSWORD_VARIABLE} for all.
     *
     * @param env the environment
     * @return the credentials
     */
    public static Credentials fromEnvironment(Map<String, String> env) {
        Map<String, String> copy = Map.copyOf(env);
        return mspId -> {
            String prefix = "QCCHAIN_SOURCE_" + mspId.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
            String user = copy.get(prefix + "_USER");
            return user != null ? new Login(user, copy.get(prefix + "_PASSWORD"))
                    : new Login(copy.get(USER_VARIABLE), copy.get(PASSWORD_VARIABLE));
        };
    }
}
