package org.qcchain.node.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Pseudonymizer;
import org.qcchain.common.proof.CommittedRecord;
import org.qcchain.common.proof.DataRecord;
import org.qcchain.common.proof.MerkleTree;
import org.qcchain.common.proof.RecordCommitter;
import org.qcchain.common.proof.RetiredRecord;
import org.qcchain.common.proof.SaltSource;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.Committed;

/**
 * Bulk import: reads a source's rows, pseudonymises the subjects, commits each record with salts
 * derived from the provider's salt key, stores the records batch by batch, and anchors each batch
 * root on the ledger as the provider. A million records cost one transaction per batch.
 *
 * <pre>{@code
 * ImportSummary done = new RecordImporter(store, anchorer, pseudonyms, suite, 5000, dataset.fieldNames())
 *     .importAll(source, (dataset, records, batches) -> System.out.println(records));
 * }</pre>
 *
 * <p>A <em>live</em> import ({@link #importLive}) leaves the values in the source unit's database: the
 * store keeps each record's commitment and the source's key of its row, and the node reads the row
 * again when it answers. Importing a live dataset again anchors only the rows whose values changed
 * (as new versions); unchanged rows are skipped.
 *
 * <p>An import that reads every row of its source (a full dump, a query without a filter) can
 * also {@linkplain #retiringMissing retire} the records whose rows the source no longer gives:
 * each gets a version that says so ({@link RetiredRecord}), anchored in batches after the rows, and
 * is not answered from then on. A row that comes back later is a new version again.
 *
 * <p>A batch is stored before it is anchored and marked anchored after; a batch left unanchored by
 * a crash is never answered from, and the next import starts a new batch id. A row the importer
 * refuses (a field not in the catalogue, a bad identifier) ends the import with an {@link
 * IllegalArgumentException} naming the row's place in the source; batches anchored before it stay.
 * A source that can be read twice (a file) is therefore first read through {@link #checkAll}, which
 * applies the same checks and stores nothing, so that a bad row anywhere in it stores none.
 */
public final class RecordImporter {

    /** {@link #maxRetired} of an import that keeps the records it does not see. */
    private static final long KEEP_MISSING = -1;

    private final ProviderStore store;
    private final BatchAnchorer anchorer;
    private final Pseudonymizer pseudonyms;
    private final CryptoSuite suite;
    private final RecordCommitter committer;
    private final int batchSize;
    private final Collection<String> catalogueFields;
    /**
     * Where a live import's values stay, known once the source's query ran; null for an import
     * that copies them into the store.
     */
    private final JdbcSource liveSource;
    /**
     * The most records one import may retire, the ones it does not see (a source read whole; more
     * is refused as a source read in part); {@link #KEEP_MISSING} when it keeps them.
     */
    private final long maxRetired;

    /**
     * Creates an importer that takes the rows' fields as they come.
     *
     * @param store the provider's store
     * @param anchorer anchors as the same provider
     * @param pseudonyms the platform's pseudonymizer
     * @param suite the network's suite
     * @param batchSize records per anchored batch, at least 1
     */
    public RecordImporter(ProviderStore store, BatchAnchorer anchorer, Pseudonymizer pseudonyms,
            CryptoSuite suite, int batchSize) {
        this(store, anchorer, pseudonyms, suite, batchSize, null);
    }

    /**
     * Creates an importer that refuses fields the dataset's catalogue entry does not have.
     *
     * @param store the provider's store
     * @param anchorer anchors as the same provider
     * @param pseudonyms the platform's pseudonymizer
     * @param suite the network's suite
     * @param batchSize records per anchored batch, at least 1
     * @param catalogueFields the dataset's fields, or {@code null} for no check
     */
    public RecordImporter(ProviderStore store, BatchAnchorer anchorer, Pseudonymizer pseudonyms,
            CryptoSuite suite, int batchSize, Collection<String> catalogueFields) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, not " + batchSize);
        }
        this.store = Objects.requireNonNull(store, "store");
        this.anchorer = Objects.requireNonNull(anchorer, "anchorer");
        this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
        this.suite = Objects.requireNonNull(suite, "suite");
        this.committer = RecordCommitter.create(suite, SaltSource.derived(suite, store.saltKey()));
        this.batchSize = batchSize;
        this.catalogueFields = catalogueFields == null ? null : List.copyOf(catalogueFields);
        this.liveSource = null;
        this.maxRetired = KEEP_MISSING;
    }

    private RecordImporter(RecordImporter copy, JdbcSource liveSource, long maxRetired) {
        this.store = copy.store;
        this.anchorer = copy.anchorer;
        this.pseudonyms = copy.pseudonyms;
        this.suite = copy.suite;
        this.committer = copy.committer;
        this.batchSize = copy.batchSize;
        this.catalogueFields = copy.catalogueFields;
        this.liveSource = liveSource;
        this.maxRetired = maxRetired;
    }

    /**
     * This importer, retiring after each import the records of the dataset whose rows the source
     * did not give (their newest version not retired already). Only for a source read whole: a
     * filtered query would retire every record it filters out. A source that gives no row at all
     * is refused rather than taken to mean that every record is gone. Keeps the id of every record
     * read in memory (~150 bytes each) until the import ends.
     *
     * @return the importer that retires, however many records
     */
    public RecordImporter retiringMissing() {
        return retiringMissing(Long.MAX_VALUE);
    }

    /**
     * {@link #retiringMissing()}, refusing to retire more than {@code atMost} records in one
     * import: a source that lost part of its rows (a truncated file, a query that filters) would
     * otherwise retire them in bulk. The rows are imported all the same; only the retiring is
     * refused, before any of it is stored.
     *
     * @param atMost the most records to retire, at least 0
     * @return the importer that retires
     */
    public RecordImporter retiringMissing(long atMost) {
        if (atMost < 0) {
            throw new IllegalArgumentException("the most records to retire must be at least 0, not " + atMost);
        }
        return new RecordImporter(this, liveSource, atMost);
    }

    /**
     * Imports a dataset live: the values stay in the source unit's database, which every row names
     * by its row key ({@link SourceRow#rowKey()}); the store keeps the database's URL and query
     * (never its credentials) to read the rows again when it answers.
     *
     * @param source the source unit's database
     * @param progress hears each anchored batch
     * @return what was imported
     * @throws ChaincodeFailure as for {@link #importAll}
     */
    public ImportSummary importLive(JdbcSource source, ImportProgress progress) throws ChaincodeFailure {
        return new RecordImporter(this, Objects.requireNonNull(source, "source"), maxRetired)
                .importAll(source, progress);
    }

    /**
     * Imports every row of the source. A row without a version becomes a new version of its
     * record (version 1 for a new record); give each (subject, key) once per import. A row
     * with the source's own version is stored in that version, or skipped if the store already
     * has it or a newer one, so a source with versions can be imported again and again. A dataset
     * imported live ({@link #importLive}) is refused here, and the reverse.
     *
     * @param source the rows
     * @param progress hears each anchored batch
     * @return what was imported
     * @throws ChaincodeFailure if the ledger refuses an anchor; batches anchored before stay
     * @throws IllegalArgumentException for a row the importer refuses, naming its place; or, when
     *     {@linkplain #retiringMissing retiring}, for a source without rows
     */
    public ImportSummary importAll(SourceAdapter source, ImportProgress progress) throws ChaincodeFailure {
        String datasetId = source.datasetId();
        synchronized (store.anchorLock()) {
            return importAll(source, datasetId, progress);
        }
    }

    private ImportSummary importAll(SourceAdapter source, String datasetId, ImportProgress progress)
            throws ChaincodeFailure {
        // what an earlier run stored but did not anchor is anchored first: the rows are then compared with
        // what the ledger holds, and no stale batch can be anchored later over what this run anchors
        List<String> batchIds = new ArrayList<>();
        for (AnchoredBatch resumed : anchorer.resumeUnanchored(store, datasetId)) {
            batchIds.add(resumed.batchId());
        }
        int resumed = batchIds.size();
        RecordMaker maker = new RecordMaker(pseudonyms, suite, datasetId, catalogueFields, store.saltKey());
        boolean fresh = store.recordCount(datasetId) == 0 && store.pendingCount(datasetId) == 0;
        requireSameKind(datasetId, fresh);
        int batchNumber = store.batchCount(datasetId);
        long records = 0;
        long skipped = 0;
        long index = 0;
        List<CommittedRecord> batch = new ArrayList<>(batchSize);
        List<String> rowKeys = new ArrayList<>(batchSize);
        Set<String> seen = retiring() ? new HashSet<>() : null;
        Iterator<SourceRow> rows = source.rows();
        if (retiring() && source.numbersVersions()) {
            // known from the query's columns: refused before its first row, not at the first row with a version
            throw new IllegalArgumentException("--missing retire needs rows without their own version (the store"
                    + " numbers them): the query has a record_version column");
        }
        while (rows.hasNext()) {
            SourceRow row = rows.next();
            index++;
            if (liveSource != null && index == 1) {
                requireReadAgain(row, source);
            }
            CommittedRecord committed = commit(maker, row, fresh, source, index, seen);
            if (committed == null) {
                skipped++;
            } else {
                batch.add(committed);
                rowKeys.add(row.rowKey());
            }
            if (batch.size() == batchSize || !batch.isEmpty() && !rows.hasNext()) {
                String batchId = String.format("batch-%06d", ++batchNumber);
                anchor(datasetId, batchId, batch, liveSource == null ? null : rowKeys, batchIds.size() == resumed);
                batchIds.add(batchId);
                records += batch.size();
                progress.onBatch(datasetId, records, batchIds.size());
                batch = new ArrayList<>(batchSize);
                rowKeys = new ArrayList<>(batchSize);
            }
        }
        if (liveSource != null && batchIds.size() == resumed && index > 0) {
            // every row unchanged: the rows read as anchored from here, so here is where they stay
            store.defineLiveSource(datasetId, liveSource.liveDefinition());
        }
        long retired = retiring() ? retireUnseen(datasetId, seen, index, batchIds, progress, records) : 0;
        return new ImportSummary(datasetId, records, skipped, retired, resumed, batchIds);
    }

    /**
     * Retires the records of the dataset that this import did not see, in batches anchored after
     * the rows' batches.
     */
    private long retireUnseen(String datasetId, Set<String> seen, long rows, List<String> batchIds,
            ImportProgress progress, long records) throws ChaincodeFailure {
        List<RecordRows.UnretiredRecord> missing = store.recordsNotIn(datasetId, seen::contains);
        requireRetirable(datasetId, rows, missing.size());
        int batchNumber = store.batchCount(datasetId);
        for (int from = 0; from < missing.size(); from += batchSize) {
            List<RetiredRecord> batch = new ArrayList<>(Math.min(batchSize, missing.size() - from));
            for (RecordRows.UnretiredRecord current : missing.subList(from, Math.min(from + batchSize, missing.size()))) {
                // after every version, an upload waiting for its anchor included
                batch.add(new RetiredRecord(datasetId, current.recordId(),
                        store.latestVersion(datasetId, current.recordId()) + 1, current.subject()));
            }
            String batchId = String.format("batch-%06d", ++batchNumber);
            anchorRetirements(datasetId, batchId, batch);
            batchIds.add(batchId);
            progress.onBatch(datasetId, records + from + batch.size(), batchIds.size());
        }
        return missing.size();
    }

    /**
     * Reads every row of the source and checks it as {@link #importAll} would (the row's shape and
     * values, its fields against the catalogue entry, its identifier), storing and anchoring
     * nothing. Run it over a first reading of a file, then import a second reading: a bad row
     * anywhere then leaves the store and the ledger as they were, as an upload does.
     *
     * @param source the rows; a reading of its own, not the one to import
     * @return the number of rows read
     * @throws IllegalArgumentException for the first row the importer would refuse, naming its
     *     place and never its content
     */
    public long checkAll(SourceAdapter source) {
        RecordMaker maker = new RecordMaker(pseudonyms, suite, source.datasetId(), catalogueFields,
                store.saltKey());
        long index = 0;
        Set<String> seen = retiring() ? new HashSet<>() : null;
        Iterator<SourceRow> rows = source.rows();
        while (rows.hasNext()) {
            SourceRow row = rows.next();
            index++;
            try {
                RecordMaker.Identity identity = identify(maker, row, seen);
                // the version only numbers the record; which one the store would give does not matter here
                maker.record(row, identity, row.version() != null ? row.version() : 1);
            } catch (IllegalArgumentException e) {
                throw refused(source, index, e);
            }
        }
        if (seen != null) {
            // refused now, before any row is stored, rather than after the rows are anchored
            requireRetirable(source.datasetId(), index, store.recordsNotIn(source.datasetId(), seen::contains).size());
        }
        return index;
    }

    /** @return whether this import retires the records it does not see */
    private boolean retiring() {
        return maxRetired != KEEP_MISSING;
    }

    /**
     * A row's record id and subject pseudonym; noted in {@code seen} when retiring. A row with its
     * own version is refused then ({@link #requireUnversionedWhenRetiring}).
     */
    private RecordMaker.Identity identify(RecordMaker maker, SourceRow row, Set<String> seen) {
        requireUnversionedWhenRetiring(row);
        RecordMaker.Identity identity = maker.identify(row);
        if (seen != null) {
            seen.add(identity.recordId());
        }
        return identity;
    }

    /** Refuses to retire when the source gave no row, or would retire more than allowed. */
    private void requireRetirable(String datasetId, long rows, long missing) {
        if (rows == 0) {
            throw new IllegalArgumentException("the source gave no rows; retiring every record of " + datasetId
                    + " is refused (check the query or file)");
        }
        if (missing > maxRetired) {
            throw new IllegalArgumentException("the source lacks the rows of " + missing + " records of " + datasetId
                    + ", more than the " + maxRetired + " one import may retire: none retired (a source read in"
                    + " part? if they are all gone, allow it with --max-retire " + missing + ")");
        }
    }

    /**
     * The committed record of a row, or {@code null} if the store has the row's version already.
     * Notes the row's record id in {@code seen} (when retiring).
     */
    private CommittedRecord commit(RecordMaker maker, SourceRow row, boolean fresh, SourceAdapter source,
            long index, Set<String> seen) {
        try {
            RecordMaker.Identity identity = identify(maker, row, seen);
            if (liveSource != null) {
                return commitLive(maker, row, identity, fresh, source.datasetId());
            }
            // a fresh dataset has no earlier versions: skip one query per row on bulk loads
            long latest = fresh ? 0 : store.latestVersion(source.datasetId(), identity.recordId());
            if (row.version() != null && row.version() <= latest) {
                return null;
            }
            long version = row.version() != null ? row.version() : latest + 1;
            DataRecord record = maker.record(row, identity, version);
            return committer.commit(record);
        } catch (IllegalArgumentException e) {
            throw refused(source, index, e);
        }
    }

    /**
     * A live row's record, or null when the store has it already: in the row's version, or (without
     * one) with the same values as its newest anchored version, whose root the row then commits to
     * again (a row given a new key is pointed at by it from then on).
     */
    private CommittedRecord commitLive(RecordMaker maker, SourceRow row, RecordMaker.Identity identity, boolean fresh,
            String datasetId) {
        if (row.rowKey() == null) {
            throw new IllegalArgumentException("a live import needs each row's key: select a row_key column"
                    + " (rowKeyColumn in a mapping)");
        }
        // numbered after every stored version, compared with the newest anchored one (the one answered)
        long latest = fresh ? 0 : store.latestVersion(datasetId, identity.recordId());
        if (row.version() != null && row.version() <= latest) {
            return null;
        }
        Optional<RecordRows.StoredVersion> anchored = fresh ? Optional.empty()
                : store.newestAnchored(datasetId, identity.recordId());
        if (row.version() == null && anchored.isPresent()) {
            CommittedRecord again = committer.commit(maker.record(row, identity, anchored.get().version()));
            if (again.rootHex().equals(anchored.get().recordRoot())) {
                if (!row.rowKey().equals(anchored.get().sourceRow())) {
                    store.moveSourceRow(datasetId, identity.recordId(), anchored.get().version(), row.rowKey());
                }
                return null; // unchanged since its last import
            }
        }
        return committer.commit(maker.record(row, identity, row.version() != null ? row.version() : latest + 1));
    }

    /**
     * Reads a live import's first row again by its key, as an answer will, before anything is
     * stored: a query whose row key the database cannot look up is refused now, not at every answer.
     */
    private void requireReadAgain(SourceRow first, SourceAdapter source) {
        if (first.rowKey() == null) {
            return; // refused with the row's place by commitLive
        }
        boolean found;
        try {
            found = liveSource.readAgain(first.rowKey());
        } catch (StoreException e) {
            throw new IllegalArgumentException(source.placeOfLastRow(1) + ": the database cannot look the row up again"
                    + " by its row_key (" + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()) + ")", e);
        }
        if (!found) {
            throw new IllegalArgumentException(source.placeOfLastRow(1) + ": the row is not found again by its row_key");
        }
    }

    /**
     * A retiring version is numbered after the record's versions; a source that numbers versions
     * itself could bring the row back under a number at or below it, which the store would take
     * for one it has and skip: the record would stay retired.
     */
    private void requireUnversionedWhenRetiring(SourceRow row) {
        if (retiring() && row.version() != null) {
            throw new IllegalArgumentException("--missing retire needs rows without their own version (the"
                    + " store numbers them): a row back after its record was retired could not be told apart");
        }
    }

    /** A dataset is live or copied for good: the store answers each of its records the same way. */
    private void requireSameKind(String datasetId, boolean fresh) {
        boolean live = store.liveDefinition(datasetId).isPresent();
        if (liveSource == null && live) {
            throw new IllegalArgumentException(datasetId + " of " + store.mspId() + " is live: its values stay in the"
                    + " provider's own database; import it again from there with --values source");
        }
        if (liveSource != null && !live && !fresh) {
            throw new IllegalArgumentException(datasetId + " of " + store.mspId() + " holds copied values; a live"
                    + " import needs a dataset without records");
        }
    }

    private static IllegalArgumentException refused(SourceAdapter source, long index, IllegalArgumentException e) {
        return new IllegalArgumentException(source.placeOfLastRow(index) + ": " + e.getMessage(), e);
    }

    private void anchor(String datasetId, String batchId, List<CommittedRecord> batch, List<String> rowKeys,
            boolean first) throws ChaincodeFailure {
        MerkleTree.Builder tree = MerkleTree.builder(suite).expectedSize(batch.size());
        batch.forEach(tree::add);
        MerkleTree built = tree.build();
        // a live dataset's first batch notes its source in the same transaction: a failed save leaves a fresh
        // dataset as it was, and a batch that can be anchored, now or resumed after a crash, finds its source
        store.saveBatch(datasetId, batchId, batch, built.rootHex(), rowKeys,
                rowKeys != null && first ? liveSource.liveDefinition() : null);
        anchorStored(datasetId, batchId, built, false);
    }

    private void anchorRetirements(String datasetId, String batchId, List<RetiredRecord> batch)
            throws ChaincodeFailure {
        MerkleTree.Builder tree = MerkleTree.builder(suite).expectedSize(batch.size());
        List<String> roots = new ArrayList<>(batch.size());
        for (RetiredRecord retired : batch) {
            byte[] root = retired.root(suite);
            tree.add(root);
            roots.add(HexFormat.of().formatHex(root));
        }
        MerkleTree built = tree.build();
        store.saveRetirements(datasetId, batchId, batch, roots, built.rootHex());
        anchorStored(datasetId, batchId, built, true);
    }

    /** Anchors a batch the store holds (forced to disk) and notes its transaction there. */
    private void anchorStored(String datasetId, String batchId, MerkleTree tree, boolean retiring)
            throws ChaincodeFailure {
        Committed anchored = anchorer.anchor(datasetId, batchId, tree, retiring);
        store.markAnchored(datasetId, batchId, anchored.txId());
    }
}
