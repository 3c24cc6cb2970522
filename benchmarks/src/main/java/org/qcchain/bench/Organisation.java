package org.qcchain.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.qcchain.chaincode.model.OrganisationRegistration;
import org.qcchain.chaincode.model.Role;
import org.qcchain.common.crypto.CertificateAuthority;
import org.qcchain.common.crypto.CertificateProfile;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.crypto.Pem;

/**
 * An organisation of the benchmark's platform: its own root CA and one client identity (real keys).
 *
 * @param mspId the MSP id
 * @param role its role on the platform
 * @param ca its root CA
 * @param client the identity that signs its proposals (and, for the bank, its requests)
 */
record Organisation(String mspId, Role role, CertificateAuthority ca, Identity client) {

    private static final Instant CA_START = Instant.parse("2025-01-01T00:00:00Z");
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);

    static Organisation create(String mspId, Role role, CryptoSuite suite) {
        CertificateAuthority ca = CertificateAuthority.createRoot(suite, "CN=ca." + mspId + ",O=" + mspId, CA_START,
                CA_VALIDITY);
        Identity client = ca.issueIdentity("CN=client." + mspId + ",OU=client,O=" + mspId, CertificateProfile.CLIENT,
                CA_START, CA_VALIDITY);
        return new Organisation(mspId, role, ca, client);
    }

    /** The node identity: issued by the bureau's CA, signs blocks. */
    Identity issueNode() {
        return ca.issueIdentity("CN=peer0." + mspId + ",O=" + mspId, CertificateProfile.SIGNING, CA_START, CA_VALIDITY);
    }

    String caPem() {
        return Pem.toPem(ca.certificate());
    }

    OrganisationRegistration registration() {
        return new OrganisationRegistration(mspId, mspId + " organisation", List.of(role), List.of(caPem()));
    }
}
