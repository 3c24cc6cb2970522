package org.qcchain.chaincode.model;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A member organisation of the platform.
 *
 * @param mspId the Fabric MSP id, the organisation's identity on the ledger
 * @param caCertificates PEM certificates of the CAs whose certificates act for this organisation
 *     (request, anchor and consent signatures are checked against them)
 */
public record Organisation(
        String mspId,
        String name,
        List<Role> roles,
        List<String> caCertificates,
        String registeredAt,
        String updatedAt) {

    public Organisation {
        roles = sortedRoles(roles);
        caCertificates = List.copyOf(caCertificates);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public Organisation withRoles(List<Role> newRoles, String at) {
        return new Organisation(mspId, name, newRoles, caCertificates, registeredAt, at);
    }

    public Organisation withCertificates(List<String> newCertificates, String at) {
        return new Organisation(mspId, name, roles, newCertificates, registeredAt, at);
    }

    /** Roles in their declared order without duplicates, so the stored bytes never depend on input order. */
    private static List<Role> sortedRoles(List<Role> roles) {
        Set<Role> sorted = new TreeSet<>(roles);
        return List.copyOf(sorted);
    }
}
