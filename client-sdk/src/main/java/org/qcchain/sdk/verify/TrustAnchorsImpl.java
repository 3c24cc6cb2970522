package org.qcchain.sdk.verify;

import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The immutable anchors a {@link TrustAnchorsBuilder} collected. */
final class TrustAnchorsImpl implements TrustAnchors {

    private final Map<String, List<X509Certificate>> organisations;
    private final List<X509Certificate> nodeCas;
    private final FabricTrust fabric;

    TrustAnchorsImpl(Map<String, List<X509Certificate>> organisations, List<X509Certificate> nodeCas,
            FabricTrust fabric) {
        Map<String, List<X509Certificate>> copy = new TreeMap<>();
        organisations.forEach((msp, cas) -> copy.put(msp, List.copyOf(cas)));
        this.organisations = Collections.unmodifiableMap(copy);
        this.nodeCas = List.copyOf(nodeCas);
        this.fabric = fabric;
    }

    @Override
    public List<X509Certificate> organisationCas(String mspId) {
        return organisations.getOrDefault(mspId, List.of());
    }

    @Override
    public Set<String> organisations() {
        return organisations.keySet();
    }

    @Override
    public List<X509Certificate> nodeCas() {
        return nodeCas;
    }

    @Override
    public Optional<FabricTrust> fabric() {
        return Optional.ofNullable(fabric);
    }

    @Override
    public String toString() {
        return "TrustAnchors[organisations=" + organisations.keySet() + ", nodeCas=" + nodeCas.size()
                + (fabric == null ? "" : ", " + fabric) + "]";
    }
}
