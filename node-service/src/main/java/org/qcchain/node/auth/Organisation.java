package org.qcchain.node.auth;

import org.qcchain.chaincode.model.Role;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.qcchain.common.crypto.IssuanceCache;

/**
 * An organisation as the node knows it: its MSP id, its roles and the certificates of the CAs that
 * issue its members' certificates (root or intermediate; a member certificate must be issued
 * directly by one of them).
 *
 * @param mspId the MSP id, e.g. {@code BankMSP}
 * @param roles what it may do; may be empty
 * @param caCertificates at least one CA certificate
 */
public record Organisation(String mspId, Set<Role> roles, List<X509Certificate> caCertificates) {

    private static final IssuanceCache NO_MEMORY = new IssuanceCache(0);

    private static final Pattern MSP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /**
     * Copies and checks the fields.
     *
     * @throws IllegalArgumentException if the MSP id is malformed or there is no CA certificate
     */
    public Organisation {
        Objects.requireNonNull(mspId, "mspId");
        if (!MSP_ID.matcher(mspId).matches()) {
            throw new IllegalArgumentException("MSP id '" + mspId + "' must match " + MSP_ID);
        }
        roles = Set.copyOf(Objects.requireNonNull(roles, "roles"));
        caCertificates = List.copyOf(Objects.requireNonNull(caCertificates, "caCertificates"));
        if (caCertificates.isEmpty()) {
            throw new IllegalArgumentException("organisation " + mspId + " has no CA certificate");
        }
    }

    /**
     * Whether one of this organisation's CAs issued {@code certificate}.
     *
     * @param certificate a member's signing or TLS certificate
     * @return true if the signature of one CA verifies on it (validity dates are not checked here)
     */
    public boolean issued(X509Certificate certificate) {
        return issued(certificate, NO_MEMORY);
    }

    /**
     * As {@link #issued(X509Certificate)}, with answers remembered in {@code issuers}: the same few
     * member certificates sign most requests, and each issuer check is a signature verification.
     *
     * @param certificate a member's signing or TLS certificate
     * @param issuers remembered (certificate, CA) answers
     * @return true if the signature of one CA verifies on it (validity dates are not checked here)
     */
    public boolean issued(X509Certificate certificate, IssuanceCache issuers) {
        for (X509Certificate ca : caCertificates) {
            if (issuers.issuedBy(certificate, ca)) {
                return true;
            }
            // else try the next CA: an organisation may have several (for example SM2 and P-256)
        }
        return false;
    }
}
