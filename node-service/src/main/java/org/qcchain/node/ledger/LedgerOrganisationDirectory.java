package org.qcchain.node.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.qcchain.chaincode.model.Organisation;
import org.qcchain.common.crypto.Pem;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.node.auth.OrganisationDirectory;

/**
 * The organisations the OPERATOR registered on the chain, read with {@code
 * Organisations:getOrganisation} as the node and cached. The cache forgets an organisation when
 * the ledger reports {@code OrganisationRegistered}, {@code OrganisationRolesChanged} or {@code
 * OrganisationCertificatesChanged} for it, so a role taken away stops working with the next block.
 *
 * <p>{@link #find} blocks on a cache miss; the authentication handler calls it on a worker thread.
 */
public final class LedgerOrganisationDirectory implements OrganisationDirectory, AutoCloseable {

    private static final Set<String> CHANGES = Set.of("PlatformInitialised", "OrganisationRegistered",
            "OrganisationRolesChanged", "OrganisationCertificatesChanged");

    private final LedgerBackend ledger;
    private final LedgerIdentity node;
    private final Map<String, Optional<org.qcchain.node.auth.Organisation>> cache = new ConcurrentHashMap<>();
    private final AutoCloseable subscription;

    /**
     * Creates the directory and starts listening for changes.
     *
     * @param ledger the ledger
     * @param node the identity the node reads as
     */
    public LedgerOrganisationDirectory(LedgerBackend ledger, LedgerIdentity node) {
        this.ledger = ledger;
        this.node = node;
        this.subscription = ledger.subscribe(this::onEvent);
    }

    @Override
    public Optional<org.qcchain.node.auth.Organisation> find(String mspId) {
        Optional<org.qcchain.node.auth.Organisation> known = cache.get(mspId);
        if (known != null) {
            return known;
        }
        Optional<org.qcchain.node.auth.Organisation> read = read(mspId);
        cache.put(mspId, read);
        return read;
    }

    @Override
    public List<X509Certificate> caCertificates() {
        List<X509Certificate> all = new ArrayList<>();
        try {
            for (Organisation organisation : LedgerPages.all(ledger, node, Organisation.class,
                    "Organisations:listOrganisations")) {
                find(organisation.mspId()).ifPresent(found -> all.addAll(found.caCertificates()));
            }
        } catch (ChaincodeFailure e) {
            throw new IllegalStateException("cannot list the organisations: " + e.getMessage(), e);
        }
        return all;
    }

    private Optional<org.qcchain.node.auth.Organisation> read(String mspId) {
        String json;
        try {
            json = ledger.evaluate(node, "Organisations:getOrganisation", mspId);
        } catch (ChaincodeFailure e) {
            if (e.errorCode() == ErrorCode.ORGANISATION_NOT_FOUND || e.errorCode() == ErrorCode.INVALID_ARGUMENT) {
                return Optional.empty();
            }
            throw new IllegalStateException("cannot read organisation " + mspId + ": " + e.getMessage(), e);
        }
        Organisation organisation = Json.parse(json, Organisation.class);
        List<X509Certificate> cas = new ArrayList<>();
        for (String pem : organisation.caCertificates()) {
            try {
                cas.add(Pem.parseCertificate(pem));
            } catch (CertificateException e) {
                throw new IllegalStateException("CA certificate of " + mspId + " on the ledger is unreadable", e);
            }
        }
        return Optional.of(new org.qcchain.node.auth.Organisation(organisation.mspId(),
                Set.copyOf(organisation.roles()), cas));
    }

    private void onEvent(LedgerEvent event) {
        if (!CHANGES.contains(event.name())) {
            return;
        }
        JsonNode payload = Json.tree(event.payload());
        String mspId = payload.path("mspId").asText("");
        if (mspId.isEmpty()) {
            cache.clear(); // an event without the id: forget everything rather than serve stale roles
        } else {
            cache.remove(mspId);
        }
    }

    @Override
    public void close() throws Exception {
        subscription.close();
    }
}
