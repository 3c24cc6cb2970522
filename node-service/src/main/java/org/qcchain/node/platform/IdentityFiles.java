package org.qcchain.node.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.cert.CertificateException;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.crypto.Pem;
import org.qcchain.node.config.ConfigException;
import org.qcchain.node.ledger.LedgerIdentity;

/**
 * Reads a member's identity (PEM certificate and PEM private key) from files, e.g. the identity a
 * provider anchors its batches with during {@code qcchain import}. The demo lays them out as
 * {@code msp/<mspId>/client.pem} and {@code client.key}, the default of {@link #demoClient}.
 */
public final class IdentityFiles {

    private IdentityFiles() {}

    /**
     * Reads an identity.
     *
     * @param mspId the member's organisation
     * @param certificate its PEM certificate file
     * @param privateKey its PEM private key file
     * @return the identity
     * @throws ConfigException if a file is missing or unreadable
     */
    public static LedgerIdentity read(String mspId, Path certificate, Path privateKey) throws ConfigException {
        try {
            return new LedgerIdentity(mspId, new Identity(Pem.parseCertificate(Files.readString(certificate)),
                    Pem.parsePrivateKey(Files.readString(privateKey))));
        } catch (IOException e) {
            throw new ConfigException("cannot read the identity of " + mspId + " (" + certificate + ", " + privateKey
                    + "): " + e.getMessage(), e);
        } catch (CertificateException | InvalidKeyException e) {
            throw new ConfigException("unreadable identity of " + mspId + " (" + certificate + ", " + privateKey
                    + "): " + e.getMessage(), e);
        }
    }

    /**
     * The demo's client identity of an organisation in a data folder.
     *
     * @param dataDir the data folder
     * @param mspId the organisation
     * @return the identity in {@code msp/<mspId>/client.pem} and {@code client.key}
     * @throws ConfigException if the files are missing or unreadable
     */
    public static LedgerIdentity demoClient(Path dataDir, String mspId) throws ConfigException {
        Path folder = dataDir.resolve("msp").resolve(mspId);
        return read(mspId, folder.resolve("client.pem"), folder.resolve("client.key"));
    }
}
