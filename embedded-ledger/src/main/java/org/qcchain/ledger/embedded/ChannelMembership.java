package org.qcchain.ledger.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.qcchain.common.crypto.Certificates;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Pem;
import org.qcchain.common.json.Json;

/**
 * The channel's organisations: each MSP id with the CA certificates (roots or intermediates, PEM)
 * that issue its members' certificates, as a Fabric channel's MSP configuration. A proposal's
 * creator must hold a certificate issued by a CA listed for the MSP id it names.
 *
 * <p>Recorded in block 0 ({@link GenesisConfig#membership()}); changed only by config blocks
 * ({@link MembershipUpdate}), each of which raises the {@link #sequence()} by one.
 *
 * <pre>{@code
 * ChannelMembership membership = ChannelMembership.builder()
 *     .organisation("BureauMSP", bureauCaPem)
 *     .organisation("BankMSP", bankRootPem, bankIntermediatePem)
 *     .build();
 * }</pre>
 *
 * <p>Immutable; parsed certificates are kept, so lookups cost nothing per transaction.
 */
public final class ChannelMembership {

    private final long sequence;
    /** Sorted by MSP id, so the JSON form is canonical. */
    private final Map<String, Organisation> organisations;

    /** One organisation: its PEM CAs as recorded, and the same parsed. */
    private record Organisation(List<String> pems, List<X509Certificate> certificates) {}

    private ChannelMembership(long sequence, Map<String, Organisation> organisations) {
        this.sequence = sequence;
        this.organisations = Collections.unmodifiableMap(organisations);
    }

    /** A builder for a genesis membership (sequence 0). */
    public static Builder builder() {
        return new Builder();
    }

    /** How many membership updates led here; 0 for the genesis membership. */
    public long sequence() {
        return sequence;
    }

    /** The MSP ids, sorted. */
    public List<String> mspIds() {
        return List.copyOf(organisations.keySet());
    }

    /** The PEM CA certificates of an organisation; empty if it is not a member. */
    public List<String> caCertificates(String mspId) {
        Organisation organisation = organisations.get(mspId);
        return organisation == null ? List.of() : organisation.pems();
    }

    /** The parsed CA certificates of an organisation, if it is a member. */
    Optional<List<X509Certificate>> cas(String mspId) {
        return Optional.ofNullable(organisations.get(mspId)).map(Organisation::certificates);
    }

    /** This membership with {@code mspId} added, or its CAs replaced; the sequence one higher. */
    ChannelMembership apply(MembershipUpdate.Change change, CryptoSuite suite) {
        Map<String, Organisation> next = new TreeMap<>(organisations);
        next.put(change.mspId(), organisation(change.mspId(), change.caCertificates(), suite));
        return new ChannelMembership(sequence + 1, next);
    }

    /** Checks that every CA is of {@code suite}; the ledger cannot verify certificates of another. */
    void requireSuite(CryptoSuite suite) {
        organisations.forEach((mspId, organisation) -> organisation(mspId, organisation.pems(), suite));
    }

    /** The JSON form: {@code [{"mspId": "...", "caCertificates": ["PEM", ...]}, ...]}, sorted by MSP id. */
    ArrayNode toJson() {
        ArrayNode array = Json.mapper().createArrayNode();
        organisations.forEach((mspId, organisation) -> {
            var node = array.addObject();
            node.put("mspId", mspId);
            ArrayNode cas = node.putArray("caCertificates");
            organisation.pems().forEach(cas::add);
        });
        return array;
    }

    /** Reads the JSON form back, as sequence 0. */
    static ChannelMembership fromJson(JsonNode array) {
        Builder builder = builder();
        for (JsonNode node : array) {
            List<String> pems = new ArrayList<>();
            node.path("caCertificates").forEach(pem -> pems.add(pem.asText()));
            builder.organisation(node.path("mspId").asText(), pems.toArray(String[]::new));
        }
        return builder.build();
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ChannelMembership that) || sequence != that.sequence
                || !organisations.keySet().equals(that.organisations.keySet())) {
            return false;
        }
        return organisations.entrySet().stream().allMatch(e ->
                e.getValue().pems().equals(that.organisations.get(e.getKey()).pems()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequence, organisations.keySet());
    }

    @Override
    public String toString() {
        return "ChannelMembership[sequence " + sequence + ", " + organisations.keySet() + "]";
    }

    private static Organisation organisation(String mspId, List<String> pems, CryptoSuite suite) {
        if (mspId == null || mspId.isBlank()) {
            throw new IllegalArgumentException("an organisation needs an MSP id");
        }
        if (pems.isEmpty()) {
            throw new IllegalArgumentException(mspId + " needs at least one CA certificate");
        }
        List<X509Certificate> certificates = new ArrayList<>(pems.size());
        for (int i = 0; i < pems.size(); i++) {
            X509Certificate ca = parseCa(mspId, i, pems.get(i));
            if (suite != null && Certificates.suiteOf(ca) != suite) {
                throw new IllegalArgumentException(mspId + " CA " + i + " is of suite " + Certificates.suiteOf(ca)
                        + ", the ledger uses " + suite);
            }
            certificates.add(ca);
        }
        return new Organisation(List.copyOf(pems), List.copyOf(certificates));
    }

    private static X509Certificate parseCa(String mspId, int index, String pem) {
        X509Certificate ca;
        try {
            ca = Pem.parseCertificate(Objects.requireNonNull(pem, "caCertificate"));
        } catch (CertificateException e) {
            throw new IllegalArgumentException(mspId + " CA " + index + " is not a PEM certificate: "
                    + e.getMessage(), e);
        }
        if (ca.getBasicConstraints() < 0) {
            throw new IllegalArgumentException(mspId + " CA " + index + " ('" + Certificates.subjectDn(ca)
                    + "') is not a CA certificate");
        }
        try {
            Certificates.suiteOf(ca);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(mspId + " CA " + index + ": " + e.getMessage(), e);
        }
        return ca;
    }

    /** Builds a genesis {@link ChannelMembership}; rejects bad input at once. */
    public static final class Builder {
        private final Map<String, Organisation> organisations = new TreeMap<>();

        private Builder() {}

        /**
         * Adds an organisation.
         *
         * @param mspId its MSP id, as its members' proposals name it
         * @param caCertificatesPem the CA certificates (roots or intermediates) that issue its
         *     members' certificates; at least one
         * @throws IllegalArgumentException if the MSP id is blank or already added, or a
         *     certificate is not a CA certificate of a known suite
         */
        public Builder organisation(String mspId, String... caCertificatesPem) {
            Objects.requireNonNull(mspId, "mspId");
            if (organisations.containsKey(mspId)) {
                throw new IllegalArgumentException(mspId + " is already a member");
            }
            organisations.put(mspId, ChannelMembership.organisation(mspId,
                    List.of(Objects.requireNonNull(caCertificatesPem, "caCertificatesPem")), null));
            return this;
        }

        /**
         * The membership.
         *
         * @throws IllegalArgumentException if it has no organisation
         */
        public ChannelMembership build() {
            if (organisations.isEmpty()) {
                throw new IllegalArgumentException("a channel membership needs at least one organisation");
            }
            return new ChannelMembership(0, new TreeMap<>(organisations));
        }
    }
}
