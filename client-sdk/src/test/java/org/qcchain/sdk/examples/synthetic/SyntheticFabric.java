package org.qcchain.sdk.examples.synthetic;

import java.time.Duration;
import java.time.Instant;
import org.qcchain.common.crypto.CertificateAuthority;
import org.qcchain.common.crypto.CertificateProfile;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.crypto.Pem;
import org.qcchain.sdk.verify.FabricTrust;
import org.qcchain.sdk.verify.TrustAnchors;
import org.qcchain.sdk.verify.TrustAnchorsBuilder;

/**
 * The Fabric side of a synthetic network, shaped like {@code network-config}: the Bureau runs the
 * orderer and a peer, the social insurance fund and the bank run a peer each, all identities
 * issued by their organisation's CA with Fabric's NodeOUs ({@code OU=orderer}, {@code OU=peer},
 * {@code OU=client}); channel {@value #CHANNEL}, chaincode {@code qcchain}, blocks signed by
 * {@code BureauMSP.orderer}, transactions endorsed by {@code BureauMSP.peer} or {@code
 * SocialInsuranceMSP.peer}.
 */
public final class SyntheticFabric {

    /** The channel. */
    public static final String CHANNEL = "datashare";
    /** The operator, which runs the orderer. */
    public static final String BUREAU = "BureauMSP";
    /** A provider with a peer. */
    public static final String SOCIAL = "SocialInsuranceMSP";
    /** A consumer with a peer that may not endorse. */
    public static final String BANK = "BankMSP";

    private static final Instant NOT_BEFORE = SyntheticNetwork.EPOCH.minus(Duration.ofDays(1));
    private static final Duration VALIDITY = Duration.ofDays(730);

    private final SyntheticNetwork network;
    private final FabricMember orderer;
    private final FabricMember client;

    /**
     * @param network a {@code P256_SHA256} network; its CAs of the three organisations are made here
     */
    public SyntheticFabric(SyntheticNetwork network) {
        if (network.suite() != CryptoSuite.P256_SHA256) {
            throw new IllegalArgumentException("Fabric runs P256_SHA256");
        }
        this.network = network;
        network.ca(SOCIAL);
        network.ca(BANK);
        this.orderer = member(BUREAU, "orderer0.bureau", "orderer");
        this.client = member(BUREAU, "node-client.bureau", "client");
    }

    /** @return the network whose CAs issue the members */
    public SyntheticNetwork network() {
        return network;
    }

    /**
     * Issues a member identity.
     *
     * @param mspId the organisation; its CA is made on first use
     * @param name the member's common name
     * @param role its NodeOU: {@code peer}, {@code orderer}, {@code client}
     * @return the member
     */
    public FabricMember member(String mspId, String name, String role) {
        return member(network.ca(mspId), mspId, name, role);
    }

    /**
     * Issues a member identity from any CA, e.g. one nobody trusts.
     *
     * @param ca the issuer
     * @param mspId the MSP id the member claims
     * @param name the member's common name
     * @param role its NodeOU
     * @return the member
     */
    public static FabricMember member(CertificateAuthority ca, String mspId, String name, String role) {
        Identity identity = ca.issueIdentity("CN=" + name + ",OU=" + role + ",O=" + mspId + ",C=CN",
                CertificateProfile.SIGNING, NOT_BEFORE, VALIDITY);
        return new FabricMember(mspId, identity);
    }

    /** @return the orderer node that signs blocks */
    public FabricMember orderer() {
        return orderer;
    }

    /** @return the client identity the node submits transactions with */
    public FabricMember client() {
        return client;
    }

    /**
     * @param mspId an organisation
     * @return a new peer of it
     */
    public FabricMember peer(String mspId) {
        return member(mspId, "peer0." + mspId.toLowerCase(), "peer");
    }

    /** @return the channel's trust as network-config sets it up */
    public FabricTrust trust() {
        return FabricTrust.builder().channel(CHANNEL).ordererOrganisations(BUREAU).endorsingOrganisations(BUREAU, SOCIAL)
                .minimumEndorsements(1).build();
    }

    /** @return the network's trust anchors with {@link #trust()} */
    public TrustAnchors trustAnchors() {
        return trustAnchors(trust());
    }

    /**
     * @param channel the channel trust to use
     * @return the network's CAs and node CA, with that channel
     */
    public TrustAnchors trustAnchors(FabricTrust channel) {
        TrustAnchorsBuilder builder = TrustAnchors.builder().nodeCa(Pem.toPem(network.platformCa().certificate()));
        network.caPems().forEach(builder::organisation);
        return builder.fabric(channel).build();
    }
}
