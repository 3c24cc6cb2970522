package org.qcchain.node.store;

import java.nio.file.Path;
import java.util.List;
import org.qcchain.common.proof.CommittedRecord;

/**
 * One provider's records in an H2 database in file mode ({@code <folder>/records.mv.db}):
 *
 * <ul>
 *   <li>{@code records}: dataset, record id, version, subject pseudonym, fields (JSON), record
 *       root, batch id, leaf index; one row per version, a newer version supersedes an older;
 *   <li>{@code batches}: dataset, batch id, size, Merkle root, the anchoring transaction;
 *   <li>{@code store_meta}: the provider's salt key.
 * </ul>
 *
 * <p>Salts are not stored: they are derived from the salt key (docs/proof-format.md, section 4),
 * so the key is as secret as the data and lives with it. Each method is one database transaction
 * ({@link StoreDatabase}); the SQL lives in {@link RecordRows} and {@link BatchRows}. Thread-safe
 * (a connection pool).
 */
public final class ProviderStore implements AutoCloseable {

    private final String mspId;
    private final StoreDatabase database;
    private final byte[] saltKey;

    private ProviderStore(String mspId, StoreDatabase database) {
        this.mspId = mspId;
        this.database = database;
        this.saltKey = SaltKey.loadOrCreate(database);
    }

    /**
     * Opens or creates the store in {@code folder}.
     *
     * @param mspId the provider
     * @param folder its folder
     * @return the store
     */
    static ProviderStore open(String mspId, Path folder) {
        return new ProviderStore(mspId, StoreDatabase.open(mspId, folder));
    }

    /** @return the provider whose records these are */
    public String mspId() {
        return mspId;
    }

    /** @return a copy of the key the record salts are derived from */
    public byte[] saltKey() {
        return saltKey.clone();
    }

    /**
     * Stores a batch of committed records and the batch itself, in one database transaction.
     *
     * @param datasetId the dataset
     * @param batchId the batch id, new for the dataset
     * @param records the records in leaf order
     * @param merkleRoot hex root of the batch tree
     */
    public void saveBatch(String datasetId, String batchId, List<CommittedRecord> records, String merkleRoot) {
        database.run("save batch " + batchId + " of " + datasetId, connection -> {
            RecordRows.insert(connection, batchId, records);
            BatchRows.insert(connection, datasetId, batchId, records.size(), merkleRoot);
            return null;
        });
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
        return database.run("read records of " + datasetId, connection ->
                RecordRows.latest(connection, datasetId, subject, limit));
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
        return database.run("read versions", connection -> RecordRows.nextVersion(connection, datasetId, recordId));
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
        database.close();
    }
}
