package org.qcchain.node.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qcchain.chaincode.model.AnchorStatement;
import org.qcchain.chaincode.model.AnchorSubmission;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Pseudonymizer;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.common.proof.CommittedRecord;
import org.qcchain.common.proof.DataRecord;
import org.qcchain.common.proof.MerkleTree;
import org.qcchain.common.proof.RecordCommitter;
import org.qcchain.common.proof.SaltSource;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.Committed;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerIdentity;

/**
 * Provider uploads in two steps, as the HTTP API offers them: {@link #stage} stores uploaded rows
 * as records waiting for an anchor (all rows of an upload or none), and {@link #anchorPending}
 * commits the waiting records into batches and anchors each batch as the provider. A provider
 * without a node of its own anchors in two steps instead: {@link #cutBatches} fixes the batches
 * and {@link #anchorSigned} submits the statement the provider signed. Records are answered only
 * once anchored. Subjects are pseudonymised on the way in, as the importer does.
 *
 * <pre>{@code
 * long stored = uploads.stage("VehicleAdminMSP", dataset.id(), dataset.fieldNames(), new CsvSource(id, reader));
 * List<AnchoredBatch> anchored = uploads.anchorPending(ledger, providerIdentity, dataset.id(), 5000);
 * }</pre>
 *
 * <p>Blocking (database, ledger): call from a worker thread. Thread-safe: uploads and batching of
 * one provider run one at a time; anchoring calls of one dataset too.
 */
public final class RecordUploads {

    private final ProviderStores stores;
    private final Pseudonymizer pseudonyms;
    private final CryptoSuite suite;

    /**
     * @param stores the provider stores of this node
     * @param pseudonyms the platform's pseudonymizer
     * @param suite the network's suite
     */
    public RecordUploads(ProviderStores stores, Pseudonymizer pseudonyms, CryptoSuite suite) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
        this.suite = Objects.requireNonNull(suite, "suite");
    }

    /**
     * Stores every row of the source as a record waiting for an anchor, in one database
     * transaction: a row refused anywhere leaves nothing stored. Each row becomes a new version of
     * its record (or the row's own version, which must be newer than the store's).
     *
     * @param providerMspId the provider, the dataset's source
     * @param datasetId the dataset
     * @param catalogueFields the dataset's fields
     * @param source the rows
     * @return how many records were stored
     * @throws IllegalArgumentException for a bad row, naming its place, or a live dataset; nothing
     *     is stored
     */
    public long stage(String providerMspId, String datasetId, Collection<String> catalogueFields,
            SourceAdapter source) {
        ProviderStore store = stores.create(providerMspId);
        if (store.liveDefinition(datasetId).isPresent()) {
            // its values stay in the provider's database: an upload would copy some of them here
            throw new IllegalArgumentException(datasetId + " is live: its records are read from " + providerMspId
                    + "'s own database and imported from there (qcchain import --values source), not uploaded");
        }
        RecordMaker maker = new RecordMaker(pseudonyms, suite, datasetId, catalogueFields, store.saltKey());
        return store.stagePending(datasetId, writer -> {
            Iterator<SourceRow> rows = source.rows();
            long index = 0;
            while (rows.hasNext()) {
                SourceRow row = rows.next();
                index++;
                try {
                    RecordMaker.Identity identity = maker.identify(row);
                    long latest = writer.latestVersion(identity.recordId());
                    if (row.version() != null && row.version() <= latest) {
                        throw new IllegalArgumentException("version " + row.version() + " is not newer than the "
                                + "stored version " + latest + " of this record");
                    }
                    long version = row.version() != null ? row.version() : latest + 1;
                    writer.add(maker.record(row, identity, version));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(source.placeOfLastRow(index) + ": " + e.getMessage(), e);
                }
            }
            if (index == 0) {
                throw new IllegalArgumentException("the upload holds no record");
            }
        });
    }

    /**
     * The number of a provider's records of a dataset waiting for an anchor.
     *
     * @param providerMspId the provider
     * @param datasetId the dataset
     * @return the count; 0 if the provider has no store on this node
     */
    public long pendingCount(String providerMspId, String datasetId) {
        return stores.find(providerMspId).map(store -> store.pendingCount(datasetId)).orElse(0L);
    }

    /**
     * Anchors what waits: first batches a cut-short import or anchoring left stored but unanchored,
     * then the pending records, in batches of at most {@code batchSize}, each signed and submitted
     * as the provider.
     *
     * @param ledger the ledger
     * @param provider the provider's identity (the dataset's source)
     * @param datasetId the dataset
     * @param batchSize the most records per batch, at least 1
     * @return the batches anchored, in order; empty when nothing waited
     * @throws ChaincodeFailure if the ledger refuses an anchor; batches anchored before stay, the
     *     refused one is retried by the next call
     */
    public List<AnchoredBatch> anchorPending(LedgerBackend ledger, LedgerIdentity provider, String datasetId,
            int batchSize) throws ChaincodeFailure {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, not " + batchSize);
        }
        ProviderStore store = stores.create(provider.mspId());
        BatchAnchorer anchorer = new BatchAnchorer(ledger, provider);
        List<AnchoredBatch> anchored = new ArrayList<>();
        synchronized (store.anchorLock()) {
            anchored.addAll(anchorer.resumeUnanchored(store, datasetId));
            RecordCommitter committer = RecordCommitter.create(suite, SaltSource.derived(suite, store.saltKey()));
            while (true) {
                Optional<ProviderStore.PendingBatch> batch = store.movePendingToBatch(datasetId, batchSize,
                        (number, records) -> batch(committer, number, records));
                if (batch.isEmpty()) {
                    return anchored;
                }
                ProviderStore.PendingBatch next = batch.get();
                Committed done = anchorer.anchor(datasetId, next.batchId(), next.tree(), false);
                store.markAnchored(datasetId, next.batchId(), done.txId());
                anchored.add(new AnchoredBatch(next.batchId(), next.records().size(), next.merkleRoot(), done.txId()));
            }
        }
    }

    /**
     * Cuts the records waiting for an anchor into batches without anchoring them, for a provider
     * that signs its anchor statements itself and has another organisation's node relay them
     * ({@link #anchorSigned}). Batches cut earlier and still unanchored come first, so calling
     * again cuts no batch twice; a batch once cut never changes.
     *
     * @param providerMspId the provider, the dataset's source
     * @param datasetId the dataset
     * @param batchSize the most records per new batch, at least 1
     * @return every batch of the dataset waiting for its anchor, oldest first; empty when nothing waits
     */
    public List<StoredBatch> cutBatches(String providerMspId, String datasetId, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, not " + batchSize);
        }
        Optional<ProviderStore> found = stores.find(providerMspId);
        if (found.isEmpty()) {
            return List.of();
        }
        ProviderStore store = found.get();
        List<StoredBatch> waiting = new ArrayList<>();
        synchronized (store.anchorLock()) {
            for (String batchId : store.unanchoredBatches(datasetId)) {
                store.batch(datasetId, batchId).ifPresent(waiting::add);
            }
            RecordCommitter committer = RecordCommitter.create(suite, SaltSource.derived(suite, store.saltKey()));
            while (true) {
                Optional<ProviderStore.PendingBatch> batch = store.movePendingToBatch(datasetId, batchSize,
                        (number, records) -> batch(committer, number, records));
                if (batch.isEmpty()) {
                    return waiting;
                }
                ProviderStore.PendingBatch next = batch.get();
                waiting.add(new StoredBatch(next.batchId(), next.records().size(), next.merkleRoot(), null, false));
            }
        }
    }

    /**
     * A stored batch of a provider's dataset.
     *
     * @param providerMspId the provider
     * @param datasetId the dataset
     * @param batchId the batch
     * @return the batch, or empty if this node holds no such batch
     */
    public Optional<StoredBatch> batch(String providerMspId, String datasetId, String batchId) {
        return stores.find(providerMspId).flatMap(store -> store.batch(datasetId, batchId));
    }

    /**
     * What the provider signs to anchor a stored batch: its canonical JSON is the signed bytes.
     *
     * @param datasetId the dataset
     * @param batch the batch
     * @return the statement, in this node's suite
     */
    public AnchorStatement statement(String datasetId, StoredBatch batch) {
        return AnchorStatement.of(datasetId, batch.batchId(), batch.merkleRoot(), batch.records(), suite.name(),
                batch.retiring());
    }

    /**
     * Anchors a stored batch with the provider's own signature over its statement, submitted by
     * {@code submitter} (this node's identity, an operator's): the anchor speaks for the provider,
     * the chaincode records the submitter as its relayer. The node never signs for the provider.
     * When the ledger already holds the batch's anchor with the same root (an earlier call cut
     * short before the store noted it), the store notes it now and the refusal still reaches the
     * caller.
     *
     * @param ledger the ledger
     * @param submitter the identity that submits the transaction
     * @param providerMspId the provider, the dataset's source
     * @param datasetId the dataset
     * @param batchId a batch of the provider's store, not anchored yet
     * @param certificatePem the provider's signer certificate
     * @param signatureBase64 the provider's signature over the canonical JSON of {@link #statement}
     * @return the anchored batch
     * @throws ChaincodeFailure if the ledger refuses (ANCHOR_EXISTS, BAD_SIGNATURE, ...); nothing is
     *     noted in the store then
     * @throws IllegalStateException if the store has no such batch
     */
    public AnchoredBatch anchorSigned(LedgerBackend ledger, LedgerIdentity submitter, String providerMspId,
            String datasetId, String batchId, String certificatePem, String signatureBase64) throws ChaincodeFailure {
        ProviderStore store = stores.find(providerMspId).orElseThrow(() ->
                new IllegalStateException("no store of " + providerMspId));
        synchronized (store.anchorLock()) {
            StoredBatch batch = store.batch(datasetId, batchId).orElseThrow(() ->
                    new IllegalStateException("no batch " + batchId + " of " + datasetId));
            if (batch.anchored()) {
                throw new ChaincodeFailure(ErrorCode.ANCHOR_EXISTS, "Anchors:anchorBatch", "batch '" + batchId
                        + "' of dataset '" + datasetId + "' is already anchored, in transaction " + batch.anchorTx());
            }
            AnchorStatement statement = statement(datasetId, batch);
            AnchorSubmission submission = new AnchorSubmission(statement, certificatePem, signatureBase64);
            try {
                Committed done = ledger.submit(submitter, "Anchors:anchorBatch", Json.write(submission));
                store.markAnchored(datasetId, batchId, done.txId());
                return new AnchoredBatch(batchId, batch.records(), batch.merkleRoot(), done.txId());
            } catch (ChaincodeFailure e) {
                if (e.errorCode() == ErrorCode.ANCHOR_EXISTS) {
                    // noted when the ledger's anchor has this batch's root; the refusal reaches the caller anyway
                    BatchAnchorer.adoptExisting(ledger, submitter, store, datasetId, batchId, batch.merkleRoot());
                }
                throw e;
            }
        }
    }

    private ProviderStore.PendingBatch batch(RecordCommitter committer, int number, List<DataRecord> records) {
        List<CommittedRecord> committed = records.stream().map(committer::commit).toList();
        MerkleTree.Builder tree = MerkleTree.builder(suite).expectedSize(committed.size());
        committed.forEach(tree::add);
        MerkleTree built = tree.build();
        return new ProviderStore.PendingBatch(String.format("batch-%06d", number), committed, built.rootHex(), built);
    }
}
