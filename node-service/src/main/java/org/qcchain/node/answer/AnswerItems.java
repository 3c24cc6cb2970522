package org.qcchain.node.answer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.qcchain.chaincode.model.AccessItem;
import org.qcchain.chaincode.model.AccessRecord;
import org.qcchain.chaincode.model.AccessRequest;
import org.qcchain.chaincode.model.RequestedItem;
import org.qcchain.common.answer.AnswerItem;
import org.qcchain.common.answer.RecordEvidence;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;
import org.qcchain.common.proof.CommittedRecord;
import org.qcchain.common.proof.RecordCommitter;
import org.qcchain.common.proof.SaltSource;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.store.ProviderStore;
import org.qcchain.node.store.ProviderStores;
import org.qcchain.node.store.SourceRecordChanged;
import org.qcchain.node.store.StoreException;
import org.qcchain.node.store.StoredRecord;

/**
 * The {@code items} of an answer: per requested dataset, in request order, the subject's latest
 * anchored records from the dataset's provider, each disclosing exactly the requested fields with
 * its inclusion proof, anchor and anchor evidence. A record lacking a requested field ends the
 * answer with {@link RecordIncomplete}: it can be neither opened nor left out verifiably.
 */
final class AnswerItems {

    /** A subject rarely has more rows in one dataset; the cap bounds an answer's size. */
    static final int MAX_RECORDS_PER_DATASET = 20;

    private final ProviderStores stores;
    private final BatchEvidenceCache batches;
    private final CryptoSuite suite;

    AnswerItems(ProviderStores stores, BatchEvidenceCache batches, CryptoSuite suite) {
        this.stores = stores;
        this.batches = batches;
        this.suite = suite;
    }

    /**
     * The items of a granted request's answer.
     *
     * @return the items, and their JSON tree for the answer's serialisation ({@link AnswerTrees})
     */
    Items build(AccessRequest request, AccessRecord record) throws ChaincodeFailure, RecordIncomplete {
        List<AnswerItem> items = new ArrayList<>();
        ArrayNode json = Json.mapper().createArrayNode();
        for (RequestedItem requested : request.items()) {
            String provider = record.items().stream()
                    .filter(item -> item.datasetId().equals(requested.datasetId()))
                    .map(AccessItem::providerMspId).findFirst().orElseThrow();
            Optional<ProviderStore> store = stores.find(provider);
            List<RecordEvidence> records = new ArrayList<>();
            ArrayNode recordsJson = Json.mapper().createArrayNode();
            if (store.isPresent()) {
                Set<String> fields = new LinkedHashSet<>(requested.fields());
                for (StoredRecord stored : store.get().latestRecords(requested.datasetId(), request.subject(),
                        MAX_RECORDS_PER_DATASET)) {
                    requireFields(record.accessId(), store.get(), stored, fields);
                    BatchEvidence batch = batches.get(store.get(), stored.record().datasetId(), stored.batchId());
                    RecordEvidence evidence = evidence(store.get(), stored, fields, batch);
                    records.add(evidence);
                    recordsJson.add(AnswerTrees.record(evidence, batch));
                }
            }
            items.add(new AnswerItem(requested.datasetId(), records));
            json.add(AnswerTrees.item(requested.datasetId(), recordsJson));
        }
        return new Items(items, json);
    }

    /**
     * An answer's items.
     *
     * @param items per requested dataset, its records
     * @param json their JSON tree, sharing each batch's canonical anchor and evidence
     */
    record Items(List<AnswerItem> items, ArrayNode json) {}

    private static void requireFields(String accessId, ProviderStore store, StoredRecord stored, Set<String> fields)
            throws RecordIncomplete {
        Set<String> missing = new TreeSet<>(fields);
        missing.removeAll(stored.record().fields().keySet());
        if (!missing.isEmpty()) {
            throw new RecordIncomplete(accessId, store.mspId(), stored.record(), missing);
        }
    }

    private RecordEvidence evidence(ProviderStore store, StoredRecord stored, Set<String> fields, BatchEvidence batch) {
        CommittedRecord committed = RecordCommitter.create(suite, SaltSource.derived(suite, store.saltKey()))
                .commit(stored.record());
        if (!committed.rootHex().equals(stored.recordRoot())) {
            if (stored.live()) {
                // the provider's database holds other values now than those anchored
                throw new SourceRecordChanged(store.mspId(), stored.record().datasetId(),
                        stored.record().recordId(), "has other values");
            }
            // a changed row or salt key: the proof would fail at the consumer; fail here instead
            throw new StoreException("record store of " + store.mspId() + ": record " + stored.record().recordId()
                    + " no longer matches its committed root");
        }
        return new RecordEvidence(committed.disclose(fields), batch.tree().inclusionProof(stored.leafIndex()),
                batch.anchor(), batch.anchorEvidence());
    }
}
