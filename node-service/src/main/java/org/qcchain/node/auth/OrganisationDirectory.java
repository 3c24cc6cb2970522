package org.qcchain.node.auth;

import org.qcchain.chaincode.model.Role;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Who the platform's organisations are: roles and CA certificates by MSP id.
 *
 * <p>{@code org.qcchain.node.ledger.LedgerOrganisationDirectory} reads the organisations the OPERATOR registered on the chain;
 * {@link #of} gives a fixed directory, from the configuration file or a test.
 *
 * <pre>{@code
 * OrganisationDirectory directory = OrganisationDirectory.of(List.of(
 *     new Organisation("BankMSP", Set.of(Role.CONSUMER), List.of(bankCa))));
 * }</pre>
 */
public interface OrganisationDirectory {

    /**
     * Looks an organisation up.
     *
     * @param mspId the MSP id a request names
     * @return the organisation, or empty if it is not registered
     */
    Optional<Organisation> find(String mspId);

    /**
     * Every CA certificate of every organisation, e.g. as trust anchors for TLS client
     * authentication.
     *
     * @return the certificates, possibly empty
     */
    List<X509Certificate> caCertificates();

    /**
     * A directory that never changes.
     *
     * @param organisations the organisations, with distinct MSP ids
     * @return the directory
     * @throws IllegalArgumentException if two organisations share an MSP id
     */
    static OrganisationDirectory of(Collection<Organisation> organisations) {
        return new StaticOrganisationDirectory(organisations);
    }
}
