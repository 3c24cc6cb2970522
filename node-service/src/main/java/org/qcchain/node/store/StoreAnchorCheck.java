package org.qcchain.node.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.qcchain.chaincode.model.Anchor;
import org.qcchain.chaincode.model.AnchorStatement;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.ledger.LedgerPages;

/**
 * Compares a provider store with the batches the ledger anchors for the provider's datasets; the
 * ledger is the reference. Every anchored batch must be in the store with the anchor's root,
 * record count and kind (records, or versions that retire them), and with that many record rows;
 * a batch the store counts as anchored must be anchored on the ledger.
 *
 * <p>Why: H2 can open a file damaged in part at an older version of itself, or empty, without an
 * error. Answered from such a store, a data request would get a valid, signed answer that leaves
 * records out, and no consumer could tell: an answer cannot prove that a subject has no records.
 * A store that fails this check answers nothing ({@code DatasetCoverage}) until it is restored.
 *
 * <p>One repair is made on the way: a batch the ledger anchors and the store holds unanchored,
 * with the anchor's root and count, is noted as anchored. That is what a crash between the
 * anchor's commit and the store's note of it leaves, and until noted its records are not answered.
 *
 * <pre>{@code
 * StoreAnchorCheck.Result result = StoreAnchorCheck.run(store, List.of("vehicle-registration"), ledger, node);
 * if (!result.intact()) log(result.problems());
 * }</pre>
 */
public final class StoreAnchorCheck {

    /** The most problems a result lists; the count says how many there were. */
    static final int MAX_LISTED_PROBLEMS = 10;

    private final ProviderStore store;
    private final List<String> problems = new ArrayList<>();
    private int problemCount;
    private int batches;
    private long records;
    private int adopted;
    private final Set<String> anchoredDatasets = new TreeSet<>();

    private StoreAnchorCheck(ProviderStore store) {
        this.store = store;
    }

    /**
     * Checks a store against the ledger.
     *
     * @param store the provider's store
     * @param datasetIds the datasets whose source the provider is, as the catalogue lists them
     * @param ledger the ledger
     * @param reader who reads the anchors
     * @return what the check found
     * @throws ChaincodeFailure if the ledger cannot list a dataset's anchors
     * @throws StoreException if the store cannot be read
     */
    public static Result run(ProviderStore store, List<String> datasetIds, LedgerBackend ledger,
            LedgerIdentity reader) throws ChaincodeFailure {
        StoreAnchorCheck check = new StoreAnchorCheck(store);
        for (String datasetId : datasetIds) {
            check.dataset(datasetId, LedgerPages.all(ledger, reader, Anchor.class, "Anchors:listAnchors", datasetId));
        }
        return new Result(store.mspId(), check.batches, check.records, check.adopted, check.problemCount,
                List.copyOf(check.problems), Set.copyOf(check.anchoredDatasets));
    }

    private void dataset(String datasetId, List<Anchor> anchors) {
        if (!anchors.isEmpty()) {
            anchoredDatasets.add(datasetId);
        }
        Map<String, StoredBatch> stored = new LinkedHashMap<>();
        store.batches(datasetId).forEach(batch -> stored.put(batch.batchId(), batch));
        Map<String, RecordRows.RowCounts> rows = store.recordCountsByBatch(datasetId);
        for (Anchor anchor : anchors) {
            AnchorStatement statement = anchor.statement();
            StoredBatch batch = stored.remove(statement.batchId());
            RecordRows.RowCounts held = rows.getOrDefault(statement.batchId(), RecordRows.RowCounts.NONE);
            String name = "batch " + statement.batchId() + " of " + datasetId;
            if (batch == null) {
                problem(name + " is anchored on the ledger but not in the store");
            } else if (!batch.merkleRoot().equals(statement.merkleRoot()) || batch.records() != statement.recordCount()) {
                problem(name + " has root " + batch.merkleRoot() + " over " + batch.records()
                        + " records in the store but root " + statement.merkleRoot() + " over "
                        + statement.recordCount() + " records on the ledger");
            } else if (batch.anchored() && batch.retiring() != statement.retires()) {
                problem(name + " holds " + StoredBatch.contents(batch.retiring()) + " in the store but is anchored on"
                        + " the ledger as " + StoredBatch.contents(statement.retires()));
            } else if (held.rows() != statement.recordCount()) {
                problem(name + " holds " + held.rows() + " of its " + statement.recordCount()
                        + " records in the store");
            } else if (statement.retires() && held.retired() != held.rows()) {
                // a batch signed as retiring holds retiring versions only (one anchored unflagged by a
                // build before the flag may hold them too, so the converse is not required)
                problem(name + " is anchored as retiring records but holds " + (held.rows() - held.retired())
                        + " versions with values in the store");
            } else {
                batches++;
                records += statement.recordCount();
                if (!batch.anchored()) {
                    adopt(datasetId, batch.batchId(), anchor.txId(), statement.retires());
                }
            }
        }
        for (StoredBatch left : stored.values()) {
            if (left.anchored()) {
                problem("batch " + left.batchId() + " of " + datasetId + " is noted in the store as anchored by"
                        + " transaction " + left.anchorTx() + " but the ledger holds no anchor of it");
            }
        }
    }

    private void adopt(String datasetId, String batchId, String txId, boolean retiring) {
        synchronized (store.anchorLock()) {
            store.adoptAnchor(datasetId, batchId, txId, retiring);
        }
        adopted++;
    }

    private void problem(String text) {
        problemCount++;
        if (problems.size() < MAX_LISTED_PROBLEMS) {
            problems.add(text);
        }
    }

    /**
     * What a check found.
     *
     * @param mspId the provider whose store it is
     * @param batches the anchored batches found whole in the store
     * @param records the records of those batches
     * @param adopted batches the store held unanchored that the ledger anchors, noted as anchored now
     * @param problemCount how many problems there were
     * @param problems the first {@value #MAX_LISTED_PROBLEMS} problems, in catalogue and batch order;
     *     ids and roots only, never a value
     * @param anchoredDatasets the datasets with at least one anchor on the ledger
     */
    public record Result(String mspId, int batches, long records, int adopted, int problemCount,
            List<String> problems, Set<String> anchoredDatasets) {

        /** @return whether the store holds everything the ledger anchors for it */
        public boolean intact() {
            return problemCount == 0;
        }

        /** @return the problems in one line, with how many were left out */
        public String summary() {
            String listed = String.join("; ", problems);
            return problemCount > problems.size()
                    ? listed + "; and " + (problemCount - problems.size()) + " more" : listed;
        }
    }
}
