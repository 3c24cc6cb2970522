package org.qcchain.node.store;

import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Pseudonymizer;
import org.qcchain.common.json.Json;
import org.qcchain.common.proof.CommittedRecord;
import org.qcchain.common.proof.DataRecord;
import org.qcchain.common.proof.MerkleTree;
import org.qcchain.common.proof.RecordCommitter;
import org.qcchain.common.proof.SaltSource;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.Committed;

/**
 * Bulk import: reads a source's rows, pseudonymises the subjects, commits each record with salts
 * derived from the provider's salt key, stores the records batch by batch, and anchors each batch
 * root on the ledger as the provider. A million records cost one transaction per batch.
 *
 * <pre>{@code
 * ImportSummary done = new RecordImporter(store, anchorer, pseudonyms, suite, 5000)
 *     .importAll(source, (dataset, records, batches) -> System.out.println(records));
 * }</pre>
 *
 * <p>A batch is stored before it is anchored and marked anchored after; a batch left unanchored by
 * a crash is never answered from, and the next import starts a new batch id.
 */
public final class RecordImporter {

    private final ProviderStore store;
    private final BatchAnchorer anchorer;
    private final Pseudonymizer pseudonyms;
    private final CryptoSuite suite;
    private final RecordCommitter committer;
    private final int batchSize;

    /**
     * Creates an importer.
     *
     * @param store the provider's store
     * @param anchorer anchors as the same provider
     * @param pseudonyms the platform's pseudonymizer
     * @param suite the network's suite
     * @param batchSize records per anchored batch, at least 1
     */
    public RecordImporter(ProviderStore store, BatchAnchorer anchorer, Pseudonymizer pseudonyms,
            CryptoSuite suite, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, not " + batchSize);
        }
        this.store = Objects.requireNonNull(store, "store");
        this.anchorer = Objects.requireNonNull(anchorer, "anchorer");
        this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
        this.suite = Objects.requireNonNull(suite, "suite");
        this.committer = RecordCommitter.create(suite, SaltSource.derived(suite, store.saltKey()));
        this.batchSize = batchSize;
    }

    /**
     * Imports every row of the source. Each row becomes a new version of its record (version 1
     * for a new record); give each (subject, sequence) once per import.
     *
     * @param source the rows
     * @param progress hears each anchored batch
     * @return what was imported
     * @throws ChaincodeFailure if the ledger refuses an anchor; batches anchored before stay
     */
    public ImportSummary importAll(SourceAdapter source, ImportProgress progress) throws ChaincodeFailure {
        String datasetId = source.datasetId();
        boolean fresh = store.recordCount(datasetId) == 0;
        int batchNumber = store.batchCount(datasetId);
        List<String> batchIds = new ArrayList<>();
        long records = 0;
        List<CommittedRecord> batch = new ArrayList<>(batchSize);
        Iterator<SourceRow> rows = source.rows();
        while (rows.hasNext()) {
            batch.add(committer.commit(record(datasetId, rows.next(), fresh)));
            if (batch.size() == batchSize || !rows.hasNext()) {
                String batchId = String.format("batch-%06d", ++batchNumber);
                anchor(datasetId, batchId, batch);
                batchIds.add(batchId);
                records += batch.size();
                progress.onBatch(datasetId, records, batchIds.size());
                batch = new ArrayList<>(batchSize);
            }
        }
        return new ImportSummary(datasetId, records, batchIds);
    }

    private void anchor(String datasetId, String batchId, List<CommittedRecord> batch) throws ChaincodeFailure {
        MerkleTree.Builder tree = MerkleTree.builder(suite).expectedSize(batch.size());
        batch.forEach(tree::add);
        MerkleTree built = tree.build();
        store.saveBatch(datasetId, batchId, batch, built.rootHex());
        Committed anchored = anchorer.anchor(datasetId, batchId, built);
        store.markAnchored(datasetId, batchId, anchored.txId());
    }

    private DataRecord record(String datasetId, SourceRow row, boolean fresh) {
        String subject = pseudonyms.pseudonym(row.subjectType(), row.subjectNumber());
        String recordId = RecordIds.of(suite, datasetId, subject, row.sequence());
        // a fresh dataset has no earlier versions: skip one query per row on bulk loads
        long version = fresh ? 1 : store.nextVersion(datasetId, recordId);
        DataRecord.Builder builder = DataRecord.builder().datasetId(datasetId).recordId(recordId)
                .version(version).subject(subject);
        for (Map.Entry<String, Object> field : row.fields().entrySet()) {
            builder.field(field.getKey(), field.getValue() == null ? NullNode.getInstance()
                    : Json.mapper().valueToTree(field.getValue()));
        }
        return builder.build();
    }
}
