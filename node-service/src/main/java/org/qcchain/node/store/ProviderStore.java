package org.qcchain.node.store;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.h2.jdbcx.JdbcConnectionPool;
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
 * so the key is as secret as the data and lives with it. Thread-safe (a connection pool).
 */
public final class ProviderStore implements AutoCloseable {

    private static final int SALT_KEY_BYTES = 32;

    private final String mspId;
    private final JdbcConnectionPool pool;
    private final byte[] saltKey;

    private ProviderStore(String mspId, JdbcConnectionPool pool) {
        this.mspId = mspId;
        this.pool = pool;
        this.saltKey = loadOrCreateSaltKey();
    }

    /**
     * Opens or creates the store in {@code folder}.
     *
     * @param mspId the provider
     * @param folder its folder
     * @return the store
     */
    static ProviderStore open(String mspId, Path folder) {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:"
                + folder.resolve("records").toAbsolutePath(), "qcchain", "");
        try (Connection connection = pool.getConnection()) {
            StoreSchema.create(connection);
        } catch (SQLException e) {
            pool.dispose();
            throw new StoreException("cannot open the record store of " + mspId, e);
        }
        return new ProviderStore(mspId, pool);
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
        run("save batch " + batchId + " of " + datasetId, connection -> {
            RecordRows.insert(connection, batchId, records);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO batches "
                    + "(dataset_id, batch_id, record_count, merkle_root) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, datasetId);
                insert.setString(2, batchId);
                insert.setInt(3, records.size());
                insert.setString(4, merkleRoot);
                insert.executeUpdate();
            }
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
        run("mark batch " + batchId + " anchored", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE batches SET anchor_tx = ? WHERE dataset_id = ? AND batch_id = ?")) {
                update.setString(1, txId);
                update.setString(2, datasetId);
                update.setString(3, batchId);
                update.executeUpdate();
            }
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
        return run("read records of " + datasetId, connection ->
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
        return run("read batch " + batchId, connection -> RecordRows.leaves(connection, datasetId, batchId));
    }

    /**
     * The next version for a record id: 1 for a new record.
     *
     * @param datasetId the dataset
     * @param recordId the record
     * @return the version to commit a changed record under
     */
    public long nextVersion(String datasetId, String recordId) {
        return run("read versions", connection -> RecordRows.nextVersion(connection, datasetId, recordId));
    }

    /**
     * How many batches of a dataset are stored, anchored or not; the next batch id follows it.
     *
     * @param datasetId the dataset
     * @return the number of batches
     */
    public int batchCount(String datasetId) {
        return run("count batches", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT COUNT(*) FROM batches WHERE dataset_id = ?")) {
                query.setString(1, datasetId);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    /**
     * The number of stored record versions of a dataset.
     *
     * @param datasetId the dataset
     * @return the count
     */
    public long recordCount(String datasetId) {
        return run("count records", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT COUNT(*) FROM records WHERE dataset_id = ?")) {
                query.setString(1, datasetId);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    @Override
    public void close() {
        pool.dispose();
    }

    private byte[] loadOrCreateSaltKey() {
        return run("read the salt key", connection -> {
            Optional<String> stored = StoreSchema.meta(connection, "saltKey");
            if (stored.isPresent()) {
                return Base64.getDecoder().decode(stored.get());
            }
            byte[] key = new byte[SALT_KEY_BYTES];
            new SecureRandom().nextBytes(key);
            StoreSchema.putMeta(connection, "saltKey", Base64.getEncoder().encodeToString(key));
            return key;
        });
    }

    private <T> T run(String what, SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("record store of " + mspId + ": cannot " + what, e);
        }
    }

    /** A unit of database work in one transaction. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }
}
