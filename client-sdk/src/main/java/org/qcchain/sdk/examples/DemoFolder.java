package org.qcchain.sdk.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;
import java.util.stream.Stream;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.crypto.Pem;
import org.qcchain.common.crypto.Pseudonymizer;
import org.qcchain.common.json.Json;
import org.qcchain.sdk.verify.TrustAnchors;
import org.qcchain.sdk.verify.TrustAnchorsBuilder;

/**
 * The data folder {@code qcchain demo --data DIR} writes, read the way a bank, insurer or auditor
 * of the demo network would get the same things out of band (docs/operations.md, "The data folder"):
 *
 * <ul>
 *   <li>{@code msp/<MspId>/ca.pem}: each organisation's CA, the trust anchors;</li>
 *   <li>{@code msp/<MspId>/client.pem} and {@code client.key}: each organisation's client identity;</li>
 *   <li>{@code node/genesis.json}: {@code nodeMspId}, whose CA issued the node certificate;</li>
 *   <li>{@code platform.key}: the pseudonymisation key (base64).</li>
 * </ul>
 *
 * <p>The demo's citizens are synthetic: citizen {@code i} has a resident id made by node-service's
 * {@code SyntheticRecords.residentId(i)}, and citizens 0 to 9 consented to every service with
 * consent ids {@code consent-<purpose>-<iiii>} ({@code DemoService.consentId}). The SDK must not
 * depend on node-service, so both rules are repeated here; node-service's {@code ExamplesEndToEndTest}
 * fails if they drift.
 */
final class DemoFolder {

    /** Citizens 0 to 9 consented to every demo service ({@code DemoPlatform.CONSENTING_CITIZENS}). */
    static final int CONSENTING_CITIZENS = 10;
    /** The synthetic resident ids repeat after this many citizens ({@code DemoPlatform}'s limit too). */
    static final int CITIZENS = 30_000;

    private final Path root;

    /**
     * @param root the folder a demo wrote
     * @throws IOException if it does not look like one: the examples would otherwise fail later
     *     with a less helpful missing-file message
     */
    DemoFolder(Path root) throws IOException {
        this.root = root;
        for (String part : new String[] {"msp", "node/genesis.json", "platform.key"}) {
            if (!Files.exists(root.resolve(part))) {
                throw new NoSuchFileException(root.resolve(part).toString(), null,
                        "not a demo data folder (run: node-service/bin/qcchain demo --data " + root + ")");
            }
        }
    }

    /** @return the folder */
    Path root() {
        return root;
    }

    /**
     * An organisation's client identity.
     *
     * @param mspId the organisation
     * @return its certificate and key
     * @throws IOException if the files cannot be read or parsed
     */
    Identity identity(String mspId) throws IOException {
        Path folder = root.resolve("msp").resolve(mspId);
        try {
            return new Identity(Pem.parseCertificate(read(folder.resolve("client.pem"))),
                    Pem.parsePrivateKey(read(folder.resolve("client.key"))));
        } catch (GeneralSecurityException e) {
            throw new IOException("unreadable identity of " + mspId + " in " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * The trust anchors: every organisation's CA, and the node organisation's CA as the only node
     * CA (the demo's node certificate is issued by the Bureau's CA). Only {@code ca.pem} is read:
     * the folder also holds client certificates, which are not CAs.
     *
     * @return the anchors
     * @throws IOException if a file cannot be read
     */
    TrustAnchors trustAnchors() throws IOException {
        TrustAnchorsBuilder anchors = TrustAnchors.builder();
        try (Stream<Path> organisations = Files.list(root.resolve("msp"))) {
            for (Path organisation : organisations.filter(Files::isDirectory).sorted().toList()) {
                anchors.organisation(organisation.getFileName().toString(), read(organisation.resolve("ca.pem")));
            }
        }
        return anchors.nodeCa(read(root.resolve("msp").resolve(nodeMspId()).resolve("ca.pem"))).build();
    }

    /**
     * @return the MSP id of the organisation that runs the node
     * @throws IOException if {@code node/genesis.json} cannot be read
     */
    String nodeMspId() throws IOException {
        JsonNode genesis = Json.tree(read(root.resolve("node").resolve("genesis.json")));
        String mspId = genesis.path("nodeMspId").asText("");
        if (mspId.isEmpty()) {
            throw new IOException("node/genesis.json in " + root + " names no nodeMspId");
        }
        return mspId;
    }

    /**
     * The pseudonym of a demo citizen. Only the demo hands the platform key to a bank; a real
     * consumer receives the pseudonym with the consent from the identity provider.
     *
     * @param citizen the citizen's index
     * @param suite the network's suite, whose HMAC makes pseudonyms
     * @return the lowercase hex pseudonym
     * @throws IOException if {@code platform.key} cannot be read
     */
    String pseudonym(int citizen, CryptoSuite suite) throws IOException {
        byte[] key = Base64.getDecoder().decode(read(root.resolve("platform.key")).strip());
        return new Pseudonymizer(suite, key).pseudonym("RESIDENT_ID", residentId(citizen));
    }

    /**
     * The consent id the demo recorded for a citizen and a service.
     *
     * @param purpose the service's purpose, e.g. {@code LOAN_UNDERWRITING}
     * @param citizen the citizen's index
     * @return e.g. {@code consent-loan_underwriting-0000}
     */
    static String consentId(String purpose, int citizen) {
        return String.format("consent-%s-%04d", purpose.toLowerCase(Locale.ROOT), citizen);
    }

    /** The demo's synthetic resident id of citizen {@code index} (never a real person's). */
    static String residentId(int index) {
        return String.format("370102%08d%04d", 19600101 + (index % 40) * 10000 + (index % 12) * 100, index % 10000);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
