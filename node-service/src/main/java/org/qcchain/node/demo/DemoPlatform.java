package org.qcchain.node.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.node.answer.DataRequestService;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerOrganisationDirectory;
import org.qcchain.node.platform.NodePlatform;

/**
 * A complete demo platform in a fresh data folder: certificates, the embedded ledger with every
 * organisation, dataset, agreement and consent registered through the chaincode, and the providers'
 * synthetic records imported and anchored. Writes {@code try.json} with a ready bank request for
 * {@link TryRequest}. Each step is a class of its own ({@link DemoPki}, {@link DemoRegistration},
 * {@link DemoImport}, {@link DemoAgreements}, {@link DemoExample}); this one orders them.
 *
 * <pre>{@code
 * try (DemoPlatform demo = DemoPlatform.create(Path.of("data/demo"), 42_000, 7L, System.out)) {
 *     NodeServer.start(vertx, config, demo.directory(), demo.platform().services());
 * }
 * }</pre>
 */
public final class DemoPlatform implements AutoCloseable {

    /** Citizens 0 to 9 consent to every service. */
    public static final int CONSENTING_CITIZENS = 10;

    private final DemoPki pki;
    private final NodePlatform platform;

    private DemoPlatform(DemoPki pki, NodePlatform platform) {
        this.pki = pki;
        this.platform = platform;
    }

    /**
     * Builds the platform; the folder must be empty or absent.
     *
     * @param dataDir the data folder
     * @param records synthetic records in total, spread over the datasets
     * @param seed the generator's seed
     * @param out where progress goes
     * @return the platform, its ledger open
     * @throws ChaincodeFailure if the chaincode refuses a step (a bug in the demo)
     */
    public static DemoPlatform create(Path dataDir, int records, long seed, PrintStream out) throws ChaincodeFailure {
        return create(dataDir, records, seed, CryptoSuite.P256_SHA256, out);
    }

    /**
     * Builds the platform with another crypto suite: with {@code SM2_SM3} every key, certificate,
     * signature and hash of the demo (CAs, requests, anchors, blocks, answers) is SM2/SM3, as a
     * platform under China's commercial-cryptography rules would run it.
     *
     * @param dataDir the data folder
     * @param records synthetic records in total, spread over the datasets
     * @param seed the generator's seed
     * @param suite the network's suite
     * @param out where progress goes
     * @return the platform, its ledger open
     * @throws ChaincodeFailure if the chaincode refuses a step (a bug in the demo)
     */
    public static DemoPlatform create(Path dataDir, int records, long seed, CryptoSuite suite, PrintStream out)
            throws ChaincodeFailure {
        out.println("creating CAs and certificates for " + DemoOrganisation.all().size() + " organisations in "
                + dataDir.resolve("msp"));
        DemoPki pki = DemoPki.create(dataDir, suite);
        DemoPlatform demo = new DemoPlatform(pki, NodePlatform.create(dataDir, pki.node(), pki.genesisMembers()));
        try {
            LedgerBackend ledger = demo.ledger();
            DemoRegistration.registerAll(ledger, pki, out);
            DemoImport.importAll(dataDir, demo.platform, pki, records, seed, out);
            new DemoAgreements(ledger, pki).agreeAndConsentAll(CONSENTING_CITIZENS, demo.platform.pseudonyms(), out);
            DemoExample.write(dataDir, DemoService.all().get(0), 0, demo.subject(0));
        } catch (ChaincodeFailure | RuntimeException e) {
            demo.close();
            throw e;
        }
        return demo;
    }

    /** @return the pseudonym of demo citizen {@code citizen} */
    public String subject(int citizen) {
        return platform.pseudonyms().pseudonym("RESIDENT_ID", SyntheticRecords.residentId(citizen));
    }

    /** @return the certificates and identities */
    public DemoPki pki() {
        return pki;
    }

    /** @return the ledger */
    public LedgerBackend ledger() {
        return platform.ledger();
    }

    /** @return the organisations as registered on the ledger */
    public LedgerOrganisationDirectory directory() {
        return platform.directory();
    }

    /** @return a data request service over this platform's ledger and stores */
    public DataRequestService dataRequests() {
        return platform.dataRequests();
    }

    /** @return the node's wiring, the same {@code qcchain start} opens again from the folder */
    public NodePlatform platform() {
        return platform;
    }

    @Override
    public void close() {
        platform.close();
    }
}
