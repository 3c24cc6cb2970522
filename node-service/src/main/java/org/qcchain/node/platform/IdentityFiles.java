package org.qcchain.node.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.crypto.Pem;
import org.qcchain.node.config.ConfigException;
import org.qcchain.node.ledger.LedgerIdentity;

/**
 * Reads a member's identity (PEM certificate and PEM private key) from files, e.g. the identity a
 * provider anchors its batches with during {@code qcchain import}. The demo lays them out as
 * {@code msp/<mspId>/client.pem} and {@code client.key}, the default of {@link #demoClient}; a
 * Fabric member's MSP folder as {@code signcerts/*.pem} and {@code keystore/*_sk}, read by {@link
 * #fromMspFolder}.
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

    /**
     * A member's identity from a Fabric MSP folder, as {@code cryptogen} and the Fabric CA client
     * write it: the certificate in {@code signcerts/} (one {@code .pem} file) and its key among the
     * {@code keystore/*_sk} files (the one that belongs to the certificate, where there are several).
     *
     * @param mspId the member's organisation
     * @param mspFolder the MSP folder, e.g. {@code .../users/User1@bureau.example/msp}
     * @return the identity
     * @throws ConfigException if the folder lacks a certificate or its key, or a file is unreadable
     */
    public static LedgerIdentity fromMspFolder(String mspId, Path mspFolder) throws ConfigException {
        List<Path> certificates = files(mspFolder.resolve("signcerts"), ".pem");
        if (certificates.size() != 1) {
            throw new ConfigException("the MSP folder " + mspFolder + " must hold one certificate in signcerts/*.pem,"
                    + " found " + certificates.size());
        }
        X509Certificate certificate;
        try {
            certificate = Pem.parseCertificate(Files.readString(certificates.get(0)));
        } catch (IOException | CertificateException e) {
            throw new ConfigException("unreadable certificate " + certificates.get(0) + ": " + e.getMessage(), e);
        }
        List<Path> keys = files(mspFolder.resolve("keystore"), "_sk");
        for (Path keyFile : keys) {
            PrivateKey key;
            try {
                key = Pem.parsePrivateKey(Files.readString(keyFile));
            } catch (IOException | InvalidKeyException e) {
                throw new ConfigException("unreadable private key " + keyFile + ": " + e.getMessage(), e);
            }
            try {
                return new LedgerIdentity(mspId, new Identity(certificate, key));
            } catch (IllegalArgumentException e) {
                // another certificate's key: look further
            }
        }
        throw new ConfigException("the MSP folder " + mspFolder + " holds no key of its certificate in keystore/*_sk"
                + " (" + keys.size() + " key files)");
    }

    private static List<Path> files(Path folder, String suffix) throws ConfigException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(suffix))
                    .sorted().toList();
        } catch (IOException e) {
            throw new ConfigException("cannot read the MSP folder " + folder + ": " + e.getMessage(), e);
        }
    }
}
