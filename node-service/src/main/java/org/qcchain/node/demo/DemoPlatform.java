package org.qcchain.node.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qcchain.chaincode.model.OrganisationRegistration;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Pseudonymizer;
import org.qcchain.common.json.Json;
import org.qcchain.node.answer.DataRequestService;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerOrganisationDirectory;
import org.qcchain.node.platform.NodePlatform;
import org.qcchain.node.store.BatchAnchorer;
import org.qcchain.node.store.ImportSummary;
import org.qcchain.node.store.ProviderStores;
import org.qcchain.node.store.RecordImporter;
import org.qcchain.node.store.SourceAdapter;

/**
 * A complete demo platform in a fresh data folder: certificates, the embedded ledger with every
 * organisation, dataset, agreement and consent registered through the chaincode, and the providers'
 * synthetic records imported and anchored. Writes {@code try.json} with a ready bank request for
 * {@link TryRequest}.
 *
 * <pre>{@code
 * try (DemoPlatform demo = DemoPlatform.create(Path.of("data/demo"), 42_000, 7L, System.out)) {
 *     NodeServer.start(vertx, config, demo.directory(), demo.services());
 * }
 * }</pre>
 */
public final class DemoPlatform implements AutoCloseable {

    /** Citizens 0 to 9 consent to every service. */
    public static final int CONSENTING_CITIZENS = 10;
    /** Records per anchored batch. */
    static final int BATCH_SIZE = 5000;
    /** Beyond this many citizens the synthetic resident ids would repeat. */
    private static final int MAX_CITIZENS = 30_000;

    private final DemoPki pki;
    private final NodePlatform platform;
    private final LedgerBackend ledger;
    private final ProviderStores stores;
    private final Pseudonymizer pseudonyms;

    private DemoPlatform(DemoPki pki, NodePlatform platform) {
        this.pki = pki;
        this.platform = platform;
        this.ledger = platform.ledger();
        this.stores = platform.stores();
        this.pseudonyms = platform.pseudonyms();
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
        CryptoSuite suite = CryptoSuite.P256_SHA256;
        out.println("creating CAs and certificates for " + DemoOrganisation.all().size() + " organisations in "
                + dataDir.resolve("msp"));
        DemoPki pki = DemoPki.create(dataDir, suite);
        DemoPlatform demo = new DemoPlatform(pki, NodePlatform.create(dataDir, pki.node(), pki.genesisMembers()));
        try {
            demo.register(out);
            demo.importRecords(records, seed, out);
            demo.agreeAndConsent(out);
            demo.writeExample(dataDir);
        } catch (ChaincodeFailure | RuntimeException e) {
            demo.close();
            throw e;
        }
        return demo;
    }

    private void register(PrintStream out) throws ChaincodeFailure {
        out.println("registering organisations and the catalogue on the ledger");
        for (DemoOrganisation organisation : DemoOrganisation.all()) {
            String id = organisation.mspId();
            String registration = Json.write(new OrganisationRegistration(id, organisation.name(),
                    organisation.roles(), List.of(pki.caPem(id))));
            boolean bureau = id.equals(DemoOrganisation.BUREAU);
            ledger.submit(pki.client(DemoOrganisation.BUREAU),
                    bureau ? "Organisations:init" : "Organisations:registerOrganisation", registration);
            ledger.admit(id, List.of(pki.caPem(id)));
        }
        for (DemoCatalogue.Entry entry : DemoCatalogue.entries()) {
            ledger.submit(pki.client(entry.providerMspId()), "Catalogue:registerDataset",
                    Json.write(entry.definition()));
        }
    }

    private void importRecords(int records, long seed, PrintStream out) throws ChaincodeFailure {
        List<DemoCatalogue.Entry> entries = DemoCatalogue.entries();
        int perDataset = Math.max(CONSENTING_CITIZENS, records / entries.size());
        out.printf("importing and anchoring %,d synthetic records (%,d per dataset, batches of %,d)%n",
                (long) perDataset * entries.size(), perDataset, BATCH_SIZE);
        for (DemoCatalogue.Entry entry : entries) {
            String id = entry.definition().id();
            boolean several = id.equals(DemoCatalogue.VIOLATIONS) || id.equals(DemoCatalogue.HOSPITAL);
            int citizens = Math.min(MAX_CITIZENS, Math.max(CONSENTING_CITIZENS, several ? perDataset / 2 : perDataset));
            RecordImporter importer = new RecordImporter(stores.create(entry.providerMspId()),
                    new BatchAnchorer(ledger, pki.client(entry.providerMspId())), pseudonyms, ledger.suite(),
                    BATCH_SIZE);
            ImportSummary done = importer.importAll(SourceAdapter.of(id,
                    SyntheticRecords.rows(id, perDataset, citizens, seed)),
                    (dataset, count, batches) -> out.printf("  %-32s %,9d records, %3d batches anchored%n",
                            dataset, count, batches));
            out.printf("  %-32s done: %,d records in %d batches%n", id, done.records(), done.batchIds().size());
        }
    }

    private void agreeAndConsent(PrintStream out) throws ChaincodeFailure {
        out.println("making agreements and recording consents of " + CONSENTING_CITIZENS + " citizens");
        DemoAgreements agreements = new DemoAgreements(ledger, pki);
        for (DemoService service : DemoService.all()) {
            agreements.agree(service);
            for (int citizen = 0; citizen < CONSENTING_CITIZENS; citizen++) {
                agreements.consent(service, citizen, pseudonyms);
            }
        }
    }

    private void writeExample(Path dataDir) {
        DemoService bank = DemoService.all().get(0);
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("service", bank.name());
        example.put("consumerMspId", bank.consumerMspId());
        example.put("subject", subject(0));
        example.put("consentId", bank.consentId(0));
        example.put("purpose", bank.purpose());
        example.put("items", bank.items());
        try {
            Files.writeString(dataDir.resolve(TryRequest.EXAMPLE_FILE), Json.write(example) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the example request", e);
        }
    }

    /** @return the pseudonym of demo citizen {@code citizen} */
    public String subject(int citizen) {
        return pseudonyms.pseudonym("RESIDENT_ID", SyntheticRecords.residentId(citizen));
    }

    /** @return the certificates and identities */
    public DemoPki pki() {
        return pki;
    }

    /** @return the ledger */
    public LedgerBackend ledger() {
        return ledger;
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
