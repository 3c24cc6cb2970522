package org.qcchain.node.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.qcchain.common.proof.CommittedRecord;
import org.qcchain.common.proof.DataRecord;
import org.qcchain.common.proof.MerkleTree;
import org.qcchain.common.proof.RetiredRecord;

/**
 * One provider's records in an H2 database in file mode ({@code <folder>/records.mv.db}):
 *
 * <ul>
 *   <li>{@code records}: dataset, record id, version, subject pseudonym, fields (JSON), record
 *       root, batch id, leaf index; one row per version, a newer version supersedes an older; a
 *       version may retire its record instead ({@link RetiredRecord}: no fields, never answered);
 *   <li>{@code batches}: dataset, batch id, size, Merkle root, the anchoring transaction;
 *   <li>{@code pending_records}: uploaded records waiting to be committed into a batch and
 *       anchored; never answered from;
 *   <li>{@code store_meta}: the provider's salt key (salts, and the digests of text record keys);
 *   <li>{@code live_sources}: for a live dataset, where its values stay (the provider's own
 *       database, read again for each answer through {@link LiveRecords}); its records hold no
 *       fields, only the source's key of their row.
 * </ul>
 *
 * <p>Salts are not stored: they are derived from the salt key (docs/proof-format.md, section 4),
 * so the key is as secret as the data and lives with it. Each method is one database transaction
 * ({@link StoreDatabase}); the SQL lives in {@link RecordRows}, {@link BatchRows} and {@link PendingRows}. Thread-safe
 * (a connection pool).
 */
public final class ProviderStore implements AutoCloseable {

    private final String mspId;
    private final StoreDatabase database;
    private final byte[] saltKey;
    private final Object pendingLock = new Object();
    private final Object anchorLock = new Object();
    /**
     * The anchored batches ({@link BatchRows#anchoredKey}): answers come only from these, and
     * asking here instead of joining {@code batches} spares every record query an index walk.
     * Only grows; a batch is added once its anchor is stored.
     */
    private final Set<String> anchored = ConcurrentHashMap.newKeySet();
    /** The live datasets' values, read from the provider's own database. */
    private final LiveRecords live;

    private ProviderStore(String mspId, StoreDatabase database, LiveAccess liveAccess) {
        this.mspId = mspId;
        this.database = database;
        this.saltKey = SaltKey.loadOrCreate(database);
        this.live = new LiveRecords(mspId, database, saltKey, liveAccess);
        this.anchored.addAll(database.run("read anchored batches", BatchRows::anchored));
    }

    /**
     * Opens or creates the store in {@code folder}.
     *
     * @param mspId the provider
     * @param folder its folder
     * @param liveAccess how to read live datasets from the provider's database, or {@code null}
     * @return the store
     */
    static ProviderStore open(String mspId, Path folder, LiveAccess liveAccess) {
        return new ProviderStore(mspId, StoreDatabase.open(mspId, folder), liveAccess);
    }

    /** @return the provider whose records these are */
    public String mspId() {
        return mspId;
    }

    /** @return a copy of the key the record salts and the digests of text record keys are derived from */
    public byte[] saltKey() {
        return saltKey.clone();
    }

    /**
     * Stores a batch of committed records and the batch itself, in one database transaction, and
     * forces it to disk: it is anchored next, and the ledger must never anchor what a crash could
     * take from the store.
     *
     * @param datasetId the dataset
     * @param batchId the batch id, new for the dataset
     * @param records the records in leaf order
     * @param merkleRoot hex root of the batch tree
     */
    public void saveBatch(String datasetId, String batchId, List<CommittedRecord> records, String merkleRoot) {
        saveBatch(datasetId, batchId, records, merkleRoot, null, null);
    }

    /**
     * {@link #saveBatch(String, String, List, String)} for a live dataset: each record's row key in
     * the provider's database is stored instead of its values, and with a dataset's first batch
     * where its values stay, in the same database transaction: a batch that can be anchored (or
     * resumed after a crash) always finds its source.
     *
     * @param sourceRows the row keys, in leaf order; {@code null} to store the values
     * @param source the live source to note with the batch, or {@code null}
     */
    void saveBatch(String datasetId, String batchId, List<CommittedRecord> records, String merkleRoot,
            List<String> sourceRows, LiveSourceDefinition source) {
        database.run("save batch " + batchId + " of " + datasetId, connection -> {
            RecordRows.insert(connection, batchId, records, sourceRows);
            BatchRows.insert(connection, datasetId, batchId, records.size(), merkleRoot, false);
            if (source != null) {
                LiveSourceRows.put(connection, datasetId, source);
            }
            return null;
        });
        if (source != null) {
            live.forget(datasetId);
        }
        database.sync("batch " + batchId + " of " + datasetId);
    }

    /**
     * Stores a batch of versions that retire their records, as {@link #saveBatch} stores records,
     * forced to disk before its anchor is submitted.
     *
     * @param datasetId the dataset
     * @param batchId the batch id, new for the dataset
     * @param records the retiring versions in leaf order
     * @param roots their roots (hex), in the same order
     * @param merkleRoot hex root of the batch tree
     */
    void saveRetirements(String datasetId, String batchId, List<RetiredRecord> records, List<String> roots,
            String merkleRoot) {
        database.run("save batch " + batchId + " of " + datasetId, connection -> {
            RecordRows.insertRetired(connection, batchId, records, roots);
            BatchRows.insert(connection, datasetId, batchId, records.size(), merkleRoot, true);
            return null;
        });
        database.sync("batch " + batchId + " of " + datasetId);
    }

    /**
     * The records of a dataset not retired and not named by {@code keep}: what an import that read
     * every row of its source did not see again.
     *
     * @param datasetId the dataset
     * @param keep the record ids to leave out
     * @return the records and their subjects, in record id order
     */
    List<RecordRows.UnretiredRecord> recordsNotIn(String datasetId, Predicate<String> keep) {
        return database.run("list records of " + datasetId, connection -> RecordRows.notIn(connection, datasetId, keep));
    }

    /**
     * Notes the transaction that anchored a batch; only anchored records are ever answered.
     *
     * @param datasetId the dataset
     * @param batchId the batch
     * @param txId the anchoring transaction
     */
    public void markAnchored(String datasetId, String batchId, String txId) {
        database.run("mark batch " + batchId + " anchored", connection -> {
            BatchRows.markAnchored(connection, datasetId, batchId, txId);
            return null;
        });
        anchored.add(BatchRows.anchoredKey(datasetId, batchId));
    }

    /**
     * Notes an anchor the ledger already holds for a stored batch with the batch's root (a run cut
     * short after the anchor's commit, before the store noted it), and takes the kind the anchor's
     * statement gives: the same root means the same leaves, and the statement is what the provider
     * signed (a build before the {@code retiring} member signed retirements without it).
     *
     * @param datasetId the dataset
     * @param batchId the batch
     * @param txId the anchoring transaction
     * @param retiring whether the anchor's statement says the batch retires records
     */
    public void adoptAnchor(String datasetId, String batchId, String txId, boolean retiring) {
        database.run("note the anchor of batch " + batchId, connection -> {
            BatchRows.adoptAnchor(connection, datasetId, batchId, txId, retiring);
            return null;
        });
        anchored.add(BatchRows.anchoredKey(datasetId, batchId));
    }

    /**
     * The latest version of each anchored record of a subject in a dataset, newest first.
     *
     * @param datasetId the dataset
     * @param subject the subject's pseudonym
     * @param limit the most records
     * @return the records
     */
    public List<StoredRecord> latestRecords(String datasetId, String subject, int limit) {
        return database.read("read records of " + datasetId, reader ->
                RecordRows.latest(reader.statement(RecordRows.LATEST), datasetId, subject, limit,
                        batchId -> anchored.contains(BatchRows.anchoredKey(datasetId, batchId)),
                        (recordId, version, sourceRow) -> live.read(datasetId, subject, recordId, version, sourceRow)));
    }

    /**
     * Where a live dataset's values stay, if the dataset is live.
     *
     * @param datasetId the dataset
     * @return its source; empty for a dataset whose values the store holds
     */
    public Optional<LiveSourceDefinition> liveDefinition(String datasetId) {
        return live.definition(datasetId);
    }

    /**
     * Makes a dataset live, or moves its source: its values stay in the provider's database.
     *
     * @param datasetId the dataset
     * @param definition where and how its rows are read
     */
    void defineLiveSource(String datasetId, LiveSourceDefinition definition) {
        live.define(datasetId, definition);
    }

    /**
     * A record's newest anchored version, its committed root and its row key in a live source.
     *
     * @param datasetId the dataset
     * @param recordId the record
     * @return the version; empty for a record without an anchored version
     */
    Optional<RecordRows.StoredVersion> newestAnchored(String datasetId, String recordId) {
        return database.run("read versions", connection -> RecordRows.newestAnchored(connection, datasetId, recordId));
    }

    /**
     * Points a live record's version at its row's new key in the provider's database (the row was
     * given a new key, its values unchanged).
     */
    void moveSourceRow(String datasetId, String recordId, long version, String sourceRow) {
        database.run("note a moved row of " + datasetId, connection -> {
            RecordRows.moveSourceRow(connection, datasetId, recordId, version, sourceRow);
            return null;
        });
    }

    /**
     * The record roots of a batch in leaf order, to rebuild its tree for inclusion proofs.
     *
     * @param datasetId the dataset
     * @param batchId the batch
     * @return the roots, hex
     */
    public List<String> batchLeaves(String datasetId, String batchId) {
        return database.run("read batch " + batchId, connection -> RecordRows.leaves(connection, datasetId, batchId));
    }

    /**
     * The next version for a record id: 1 for a new record.
     *
     * @param datasetId the dataset
     * @param recordId the record
     * @return the version to commit a changed record under
     */
    public long nextVersion(String datasetId, String recordId) {
        return latestVersion(datasetId, recordId) + 1;
    }

    /**
     * The highest version of a record, stored or waiting for an anchor.
     *
     * @param datasetId the dataset
     * @param recordId the record
     * @return the version, or 0 for a record the store does not have
     */
    public long latestVersion(String datasetId, String recordId) {
        return database.run("read versions", connection -> RecordRows.latestVersion(connection, datasetId, recordId));
    }

    /**
     * Stores uploaded records to be anchored later, all or none: the work adds records through the
     * {@link PendingWriter}, and a failure of the work (a bad row) rolls every one of them back.
     * The records are on disk when this returns. Uploads and {@link #movePendingToBatch} run one at
     * a time.
     *
     * @param datasetId the dataset
     * @param work adds the records
     * @return the number of records added
     */
    long stagePending(String datasetId, PendingWork work) {
        synchronized (pendingLock) {
            long stored = database.run("store uploaded records of " + datasetId, connection -> {
                long[] added = new long[1];
                work.addAll(new PendingWriter() {
                    @Override
                    public long latestVersion(String recordId) throws SQLException {
                        return RecordRows.latestVersion(connection, datasetId, recordId);
                    }

                    @Override
                    public void add(DataRecord record) throws SQLException {
                        PendingRows.insert(connection, record);
                        added[0]++;
                    }
                });
                return added[0];
            });
            // the upload is acknowledged as stored: it must survive a crash right after the answer
            database.sync(stored + " uploaded records of " + datasetId);
            return stored;
        }
    }

    /**
     * Takes the oldest pending records of a dataset (at most {@code limit}), lets {@code batcher}
     * commit them into a batch, and stores that batch in place of the pending records, in one
     * database transaction, forced to disk as {@link #saveBatch} is. The batch is not anchored yet.
     *
     * @param datasetId the dataset
     * @param limit the most records in the batch
     * @param batcher turns the records (in upload order) into the batch id, committed records and
     *     root to store
     * @return the batch stored, or empty when nothing is pending
     */
    Optional<PendingBatch> movePendingToBatch(String datasetId, int limit, Batcher batcher) {
        synchronized (pendingLock) {
            Optional<PendingBatch> cut = database.run("batch uploaded records of " + datasetId, connection -> {
                List<PendingRows.Pending> pending = PendingRows.oldest(connection, datasetId, limit);
                if (pending.isEmpty()) {
                    return Optional.empty();
                }
                List<DataRecord> records = pending.stream().map(PendingRows.Pending::record).toList();
                PendingBatch batch = batcher.batch(BatchRows.count(connection, datasetId) + 1, records);
                RecordRows.insert(connection, batch.batchId(), batch.records(), null);
                BatchRows.insert(connection, datasetId, batch.batchId(), batch.records().size(), batch.merkleRoot(),
                        false);
                PendingRows.delete(connection, datasetId, pending.get(pending.size() - 1).seq());
                return Optional.of(batch);
            });
            cut.ifPresent(batch -> database.sync("batch " + batch.batchId() + " of " + datasetId));
            return cut;
        }
    }

    /**
     * The number of uploaded records of a dataset waiting for an anchor.
     *
     * @param datasetId the dataset
     * @return the count
     */
    public long pendingCount(String datasetId) {
        return database.run("count pending records", connection -> PendingRows.count(connection, datasetId));
    }

    /**
     * The batches of a dataset stored but not anchored, left by an import or anchoring that was
     * cut short (a crash, a ledger failure), oldest first.
     *
     * @param datasetId the dataset
     * @return their ids
     */
    public List<String> unanchoredBatches(String datasetId) {
        return database.run("list unanchored batches", connection -> BatchRows.unanchored(connection, datasetId));
    }

    /**
     * One stored batch of a dataset, with its size, root and anchoring transaction if any.
     *
     * @param datasetId the dataset
     * @param batchId the batch
     * @return the batch, or empty if the store has none of that id
     */
    public Optional<StoredBatch> batch(String datasetId, String batchId) {
        return database.run("read batch " + batchId, connection -> BatchRows.find(connection, datasetId, batchId));
    }

    /**
     * Every stored batch of a dataset, anchored or not, in batch-id order.
     *
     * @param datasetId the dataset
     * @return the batches
     */
    public List<StoredBatch> batches(String datasetId) {
        return database.run("list batches of " + datasetId, connection -> BatchRows.all(connection, datasetId));
    }

    /**
     * How many record rows each stored batch of a dataset holds, and how many of them retire their
     * records: a batch whose rows are fewer than its size has lost records.
     *
     * @param datasetId the dataset
     * @return the counts by batch id; a batch without rows is absent
     */
    Map<String, RecordRows.RowCounts> recordCountsByBatch(String datasetId) {
        return database.run("count records by batch of " + datasetId,
                connection -> RecordRows.countsByBatch(connection, datasetId));
    }

    /**
     * How many batches of a dataset are stored, anchored or not; the next batch id follows it.
     *
     * @param datasetId the dataset
     * @return the number of batches
     */
    public int batchCount(String datasetId) {
        return database.run("count batches", connection -> BatchRows.count(connection, datasetId));
    }

    /**
     * The number of stored record versions of a dataset.
     *
     * @param datasetId the dataset
     * @return the count
     */
    public long recordCount(String datasetId) {
        return database.run("count records", connection -> RecordRows.count(connection, datasetId));
    }

    @Override
    public void close() {
        live.close();
        database.close();
    }

    /** @return held while pending records of this store are anchored, so that two anchoring runs do not race */
    Object anchorLock() {
        return anchorLock;
    }

    /** Adds uploaded records inside {@link #stagePending}'s transaction. */
    interface PendingWriter {
        long latestVersion(String recordId) throws SQLException;

        void add(DataRecord record) throws SQLException;
    }

    /** The work of one upload. */
    @FunctionalInterface
    interface PendingWork {
        void addAll(PendingWriter writer) throws SQLException;
    }

    /** Commits pending records into a batch. */
    @FunctionalInterface
    interface Batcher {
        /**
         * @param batchNumber the number of the new batch, from 1
         * @param records the records in upload order
         */
        PendingBatch batch(int batchNumber, List<DataRecord> records);
    }

    /** A batch made of pending records, stored and waiting for its anchor. */
    record PendingBatch(String batchId, List<CommittedRecord> records, String merkleRoot, MerkleTree tree) {}
}
