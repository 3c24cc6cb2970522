package org.qcchain.node.auth;

import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A directory of a fixed set of organisations, from configuration or tests. */
final class StaticOrganisationDirectory implements OrganisationDirectory {

    private final Map<String, Organisation> byMspId = new LinkedHashMap<>();

    StaticOrganisationDirectory(Collection<Organisation> organisations) {
        for (Organisation organisation : organisations) {
            if (byMspId.putIfAbsent(organisation.mspId(), organisation) != null) {
                throw new IllegalArgumentException(
                        "organisation " + organisation.mspId() + " is listed twice");
            }
        }
    }

    @Override
    public Optional<Organisation> find(String mspId) {
        return Optional.ofNullable(byMspId.get(mspId));
    }

    @Override
    public List<X509Certificate> caCertificates() {
        return byMspId.values().stream().flatMap(o -> o.caCertificates().stream()).toList();
    }

    @Override
    public String toString() {
        return "OrganisationDirectory" + byMspId.keySet();
    }
}
