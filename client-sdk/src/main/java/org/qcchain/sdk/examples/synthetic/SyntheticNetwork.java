package org.qcchain.sdk.examples.synthetic;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.qcchain.common.crypto.CertificateAuthority;
import org.qcchain.common.crypto.CertificateProfile;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.crypto.Pem;
import org.qcchain.sdk.verify.TrustAnchors;
import org.qcchain.sdk.verify.TrustAnchorsBuilder;

/**
 * The certificates of a made-up network: one root CA per organisation, a platform CA that issues
 * node certificates, and member identities issued on demand. Real Bouncy Castle keys of the chosen
 * suite; validity starts a day before {@link #EPOCH}, so answers issued at {@code EPOCH} verify.
 *
 * <pre>{@code
 * SyntheticNetwork network = SyntheticNetwork.create(CryptoSuite.SM2_SM3);
 * Identity provider = network.member("SocialInsuranceMSP", "anchor-signer");
 * TrustAnchors anchors = network.trustAnchors();
 * }</pre>
 *
 * <p>For tests, benchmarks and examples only: it keeps every private key in memory.
 */
public final class SyntheticNetwork {

    /** The moment synthetic answers are issued at. */
    public static final Instant EPOCH = Instant.parse("2026-03-02T09:00:00Z");

    private static final Instant NOT_BEFORE = EPOCH.minus(Duration.ofDays(1));
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration MEMBER_VALIDITY = Duration.ofDays(730);

    private final CryptoSuite suite;
    private final Map<String, CertificateAuthority> cas = new LinkedHashMap<>();
    private final CertificateAuthority platformCa;
    private final Identity node;

    private SyntheticNetwork(CryptoSuite suite) {
        this.suite = suite;
        this.platformCa = CertificateAuthority.createRoot(suite, "CN=qcchain platform CA,O=Big Data Bureau,C=CN",
                NOT_BEFORE, CA_VALIDITY);
        this.node = platformCa.issueIdentity("CN=node1.qcchain.example,O=Big Data Bureau,C=CN",
                CertificateProfile.SIGNING, NOT_BEFORE, MEMBER_VALIDITY);
    }

    /**
     * Creates the platform CA and the node's identity.
     *
     * @param suite the network's suite
     * @return the network
     */
    public static SyntheticNetwork create(CryptoSuite suite) {
        return new SyntheticNetwork(Objects.requireNonNull(suite, "suite"));
    }

    /** @return the network's suite */
    public CryptoSuite suite() {
        return suite;
    }

    /** @return the node's identity, issued by the platform CA */
    public Identity node() {
        return node;
    }

    /** @return the CA that issues node certificates */
    public CertificateAuthority platformCa() {
        return platformCa;
    }

    /**
     * The root CA of an organisation, created on first use.
     *
     * @param mspId the organisation
     * @return its CA
     */
    public synchronized CertificateAuthority ca(String mspId) {
        return cas.computeIfAbsent(mspId, id -> CertificateAuthority.createRoot(suite, "CN=ca." + id.toLowerCase()
                + ",O=" + id + ",C=CN", NOT_BEFORE, CA_VALIDITY));
    }

    /**
     * Issues a member identity of an organisation.
     *
     * @param mspId the organisation
     * @param commonName the member's common name
     * @return the identity
     */
    public Identity member(String mspId, String commonName) {
        return ca(mspId).issueIdentity("CN=" + commonName + ",O=" + mspId + ",C=CN", CertificateProfile.CLIENT,
                NOT_BEFORE, MEMBER_VALIDITY);
    }

    /**
     * Issues a node identity from the platform CA with a chosen validity, e.g. an expired one.
     *
     * @param notBefore start of validity
     * @param validity its length
     * @return the identity
     */
    public Identity node(Instant notBefore, Duration validity) {
        return platformCa.issueIdentity("CN=node2.qcchain.example,O=Big Data Bureau,C=CN", CertificateProfile.SIGNING,
                notBefore, validity);
    }

    /** @return trust in every organisation CA created so far, and in the platform CA for nodes */
    public synchronized TrustAnchors trustAnchors() {
        TrustAnchorsBuilder builder = TrustAnchors.builder().nodeCa(Pem.toPem(platformCa.certificate()));
        cas.forEach((msp, ca) -> builder.organisation(msp, Pem.toPem(ca.certificate())));
        return builder.build();
    }

    /** @return the PEM of each organisation's CA, by MSP id */
    public synchronized Map<String, String> caPems() {
        Map<String, String> pems = new LinkedHashMap<>();
        cas.forEach((msp, ca) -> pems.put(msp, Pem.toPem(ca.certificate())));
        return pems;
    }
}
