package org.qcchain.node.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.qcchain.common.crypto.Pem;
import org.qcchain.node.auth.Organisation;
import org.qcchain.node.auth.OrganisationDirectory;
import org.qcchain.chaincode.model.Role;

/** Builds the organisation directory from the {@code organisations} of the configuration. */
public final class OrganisationFiles {

    private OrganisationFiles() {}

    /**
     * Reads every organisation's CA certificate files.
     *
     * @param config the configuration
     * @return a fixed directory of the configured organisations
     * @throws ConfigException if a file cannot be read or holds no certificate
     */
    public static OrganisationDirectory directory(NodeConfig config) throws ConfigException {
        List<Organisation> organisations = new ArrayList<>();
        for (NodeConfig.OrganisationEntry entry : config.organisations()) {
            List<X509Certificate> cas = new ArrayList<>();
            for (String file : entry.caCertificates()) {
                cas.addAll(certificates(entry.mspId(), Path.of(file)));
            }
            try {
                organisations.add(new Organisation(entry.mspId(),
                        entry.roles().isEmpty() ? EnumSet.noneOf(Role.class)
                                : EnumSet.copyOf(entry.roles()), cas));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("organisations: " + e.getMessage(), e);
            }
        }
        return OrganisationDirectory.of(organisations);
    }

    private static List<X509Certificate> certificates(String mspId, Path file)
            throws ConfigException {
        try {
            return Pem.parseCertificates(Files.readString(file));
        } catch (IOException | CertificateException e) {
            throw new ConfigException("organisations: CA certificates of " + mspId + " in " + file
                    + ": " + e.getMessage(), e);
        }
    }
}
