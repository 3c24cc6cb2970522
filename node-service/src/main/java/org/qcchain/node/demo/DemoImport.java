package org.qcchain.node.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.qcchain.chaincode.model.FieldSpec;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.platform.NodePlatform;
import org.qcchain.node.store.BatchAnchorer;
import org.qcchain.node.store.ImportProgress;
import org.qcchain.node.store.ImportSummary;
import org.qcchain.node.store.JdbcSettings;
import org.qcchain.node.store.JdbcSource;
import org.qcchain.node.store.RecordImporter;
import org.qcchain.node.store.SourceAdapter;
import org.qcchain.node.store.SourceRow;

/**
 * Imports the demo's synthetic records into the providers' stores and anchors them, dataset by
 * dataset, each batch as its provider; the same seed gives the same records.
 */
final class DemoImport {

    /** Records per anchored batch. */
    static final int BATCH_SIZE = 5000;
    /** Beyond this many citizens the synthetic resident ids would repeat. */
    private static final int MAX_CITIZENS = 30_000;

    private DemoImport() {}

    static void importAll(Path dataDir, NodePlatform platform, DemoPki pki, int records, long seed,
            PrintStream out) throws ChaincodeFailure {
        LedgerBackend ledger = platform.ledger();
        List<DemoCatalogue.Entry> entries = DemoCatalogue.entries();
        int perDataset = Math.max(DemoPlatform.CONSENTING_CITIZENS, records / entries.size());
        out.printf("importing and anchoring %,d synthetic records (%,d per dataset, batches of %,d)%n",
                (long) perDataset * entries.size(), perDataset, BATCH_SIZE);
        for (DemoCatalogue.Entry entry : entries) {
            String id = entry.definition().id();
            boolean several = id.equals(DemoCatalogue.VIOLATIONS) || id.equals(DemoCatalogue.HOSPITAL);
            int citizens = Math.min(MAX_CITIZENS,
                    Math.max(DemoPlatform.CONSENTING_CITIZENS, several ? perDataset / 2 : perDataset));
            RecordImporter importer = new RecordImporter(platform.stores().create(entry.providerMspId()),
                    new BatchAnchorer(ledger, pki.client(entry.providerMspId())), platform.pseudonyms(),
                    ledger.suite(), BATCH_SIZE);
            Iterator<SourceRow> rows = SyntheticRecords.rows(id, perDataset, citizens, seed);
            ImportProgress progress = (dataset, count, batches) -> out.printf(
                    "  %-32s %,9d records, %3d batches anchored%n", dataset, count, batches);
            ImportSummary done;
            if (id.equals(DemoCatalogue.HOSPITAL)) {
                // the hospital's visits stay in its own database: imported live, read again per answer
                JdbcSettings his = DemoHospitalSystem.create(dataDir, rows);
                try (JdbcSource source = JdbcSource.open(his, id,
                        entry.definition().fields().stream().map(FieldSpec::name).toList())) {
                    done = importer.importLive(source, progress);
                }
            } else {
                done = importer.importAll(SourceAdapter.of(id, rows), progress);
            }
            out.printf("  %-32s done: %,d records in %d batches%n", id, done.records(), done.batchIds().size());
        }
    }
}
