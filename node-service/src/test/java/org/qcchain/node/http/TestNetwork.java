package org.qcchain.node.http;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.qcchain.common.crypto.CertificateAuthority;
import org.qcchain.common.crypto.CertificateProfile;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.node.auth.Organisation;
import org.qcchain.node.auth.OrganisationDirectory;
import org.qcchain.chaincode.model.Role;

/**
 * Real certificates for three organisations (a bank, an insurer, the bureau) and a rogue CA that
 * no organisation registered. Created once per test class: key generation is the slow part.
 */
final class TestNetwork {

    static final Instant NOW = Instant.now();
    static final Instant START = NOW.minus(Duration.ofDays(30));

    final CertificateAuthority bankCa = ca("Bank");
    final CertificateAuthority insurerCa = ca("Insurer");
    final CertificateAuthority bureauCa = ca("Bureau");
    final CertificateAuthority rogueCa = ca("Rogue");

    final Identity bankTeller = client(bankCa, "teller");
    final Identity insurerClerk = client(insurerCa, "clerk");
    final Identity bureauAdmin = client(bureauCa, "admin");
    final Identity rogueTeller = client(rogueCa, "teller");
    /** A bank certificate whose validity ended yesterday. */
    final Identity expiredTeller = bankCa.issueIdentity("CN=old-teller,O=Bank,C=CN",
            CertificateProfile.CLIENT, START, Duration.ofDays(29));
    /** The node's TLS certificate, for 127.0.0.1 and localhost. */
    final Identity server = bureauCa.issueIdentity("CN=node0,O=Bureau,C=CN",
            CertificateProfile.SERVER, START, Duration.ofDays(365), List.of("localhost"),
            List.of("127.0.0.1"));

    final OrganisationDirectory directory = OrganisationDirectory.of(List.of(
            new Organisation("BankMSP", Set.of(Role.CONSUMER), List.of(bankCa.certificate())),
            new Organisation("InsurerMSP", Set.of(Role.CONSUMER), List.of(insurerCa.certificate())),
            new Organisation("BureauMSP", Set.of(Role.OPERATOR), List.of(bureauCa.certificate()))));

    private static CertificateAuthority ca(String organisation) {
        return CertificateAuthority.createRoot(CryptoSuite.P256_SHA256,
                "CN=ca." + organisation.toLowerCase() + ".example.com,O=" + organisation + ",C=CN",
                START, Duration.ofDays(3650));
    }

    private static Identity client(CertificateAuthority ca, String name) {
        return ca.issueIdentity("CN=" + name + ",OU=client,O=Org,C=CN", CertificateProfile.CLIENT,
                START, Duration.ofDays(365));
    }
}
