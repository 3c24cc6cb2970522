package org.qcchain.sdk.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a verifier trusts, and nothing else: per organisation (MSP id) the CA certificates that
 * issue its members' certificates (providers sign anchors with them; on Fabric, clients sign
 * transactions, peers endorse and orderers sign blocks with them), the CA certificates that issue
 * node certificates (nodes sign answers and blocks with them), and, for a node on Hyperledger
 * Fabric, the channel's {@link FabricTrust}. Get them out of band — from the platform operator's
 * published bundle — never from a node's answer.
 *
 * <pre>{@code
 * TrustAnchors anchors = TrustAnchors.builder()
 *         .organisation("SocialInsuranceMSP", socialCaPem)
 *         .organisation("ProvidentFundMSP", fundCaPem)
 *         .nodeCa(operatorCaPem)
 *         .fabric(FabricTrust.builder().channel("datashare").ordererOrganisations("BureauMSP")
 *                 .endorsingOrganisations("BureauMSP", "SocialInsuranceMSP").build())   // Fabric only
 *         .build();
 * TrustAnchors fromDisk = TrustAnchors.fromFolder(Path.of("trust"));
 * }</pre>
 *
 * <p>Folder layout for {@link #fromFolder}: {@code msp/<MspId>/*.pem} (each file one or more CA
 * certificates of that organisation), {@code node/*.pem} (CAs of node certificates) and, for
 * Fabric, {@code fabric.json}: {@code {"channel": "datashare", "ordererOrganisations": ["BureauMSP"],
 * "endorsingOrganisations": ["BureauMSP", "SocialInsuranceMSP"]}}, optionally with {@code
 * "chaincode"}, {@code "minimumEndorsements"}, {@code "ordererRole"} and {@code "endorserRole"}
 * (see {@link FabricTrust.Builder}).
 *
 * <p>Immutable and thread-safe.
 */
public interface TrustAnchors {

    /**
     * Starts an empty set of anchors.
     *
     * @return a builder
     */
    static TrustAnchorsBuilder builder() {
        return new TrustAnchorsBuilder();
    }

    /**
     * Reads anchors from a folder laid out as described above.
     *
     * @param folder the folder
     * @return the anchors
     * @throws IOException if a file cannot be read
     * @throws IllegalArgumentException if a file is not PEM certificates, a folder name is not an
     *     MSP id, {@code fabric.json} is not as described
     * @throws IllegalStateException if there is no node CA, or a Fabric organisation has no CA
     */
    static TrustAnchors fromFolder(Path folder) throws IOException {
        return TrustAnchorsBuilder.fromFolder(folder);
    }

    /**
     * The CA certificates trusted for one organisation.
     *
     * @param mspId the organisation
     * @return its CAs, empty if it is unknown
     */
    List<X509Certificate> organisationCas(String mspId);

    /**
     * The organisations with trusted CAs.
     *
     * @return their MSP ids, sorted
     */
    Set<String> organisations();

    /**
     * The CA certificates that may issue node certificates.
     *
     * @return at least one CA
     */
    List<X509Certificate> nodeCas();

    /**
     * The trusted Fabric channel, for answers whose evidence comes from Fabric.
     *
     * @return the channel's trust; empty for a verifier of the embedded ledger only, which then
     *     rejects Fabric evidence
     */
    default Optional<FabricTrust> fabric() {
        return Optional.empty();
    }
}
