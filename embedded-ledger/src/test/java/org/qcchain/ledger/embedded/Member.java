package org.qcchain.ledger.embedded;

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

/** A member organisation: its own root CA and a client identity it issued (real keys). */
final class Member {
    static final Instant CA_START = Instant.parse("2025-01-01T00:00:00Z");
    static final Duration CA_VALIDITY = Duration.ofDays(3650);

    final String mspId;
    final List<Role> roles;
    final CertificateAuthority ca;
    final Identity client;

    Member(String mspId, CryptoSuite suite, Role... roles) {
        this(mspId, CertificateAuthority.createRoot(suite, "CN=ca." + mspId + ",O=" + mspId, CA_START, CA_VALIDITY),
                roles);
    }

    Member(String mspId, CertificateAuthority ca, Role... roles) {
        this.mspId = mspId;
        this.roles = List.of(roles);
        this.ca = ca;
        this.client = ca.issueIdentity("CN=client." + mspId + ",OU=client,O=" + mspId, CertificateProfile.CLIENT,
                CA_START, CA_VALIDITY);
    }

    String caPem() {
        return Pem.toPem(ca.certificate());
    }

    OrganisationRegistration registration() {
        return new OrganisationRegistration(mspId, mspId + " organisation", roles, List.of(caPem()));
    }
}
