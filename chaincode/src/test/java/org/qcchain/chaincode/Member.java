package org.qcchain.chaincode;

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
import org.qcchain.simulator.Identities;

/**
 * A member organisation in tests: its own root CA (real Bouncy Castle keys and X.509
 * certificates), a client identity issued by it, and the Fabric creator bytes of that identity.
 */
final class Member {
    static final Instant CA_START = Instant.parse("2025-01-01T00:00:00Z");
    static final Duration CA_VALIDITY = Duration.ofDays(3650);

    final String mspId;
    final List<Role> roles;
    final CertificateAuthority ca;
    final Identity client;
    final byte[] creator;

    Member(String mspId, CryptoSuite suite, Role... roles) {
        this.mspId = mspId;
        this.roles = List.of(roles);
        this.ca = CertificateAuthority.createRoot(suite, "CN=ca." + mspId + ",O=" + mspId, CA_START, CA_VALIDITY);
        this.client = issue("client");
        this.creator = Identities.serializedIdentity(mspId, client.certificatePem());
    }

    /** Another client identity of this organisation, valid like the CA. */
    Identity issue(String name) {
        return ca.issueIdentity("CN=" + name + "." + mspId + ",OU=client,O=" + mspId, CertificateProfile.CLIENT,
                CA_START, CA_VALIDITY);
    }

    Identity issue(String commonName, Instant notBefore, Duration validity) {
        return ca.issueIdentity("CN=" + commonName + ",OU=client,O=" + mspId, CertificateProfile.SIGNING,
                notBefore, validity);
    }

    CryptoSuite suite() {
        return ca.suite();
    }

    String caPem() {
        return Pem.toPem(ca.certificate());
    }

    OrganisationRegistration registration() {
        return new OrganisationRegistration(mspId, mspId + " organisation", roles, List.of(caPem()));
    }
}
