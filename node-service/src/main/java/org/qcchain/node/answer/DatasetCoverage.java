package org.qcchain.node.answer;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.qcchain.chaincode.model.AccessRequest;
import org.qcchain.chaincode.model.Dataset;
import org.qcchain.chaincode.model.RequestedItem;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerEvent;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.ledger.LedgerPages;
import org.qcchain.node.store.ProviderStore;
import org.qcchain.node.store.ProviderStores;
import org.qcchain.node.store.StoreAnchorCheck;
import org.qcchain.node.store.StoredBatch;
import org.qcchain.node.store.StoreException;

/**
 * Which datasets this node can answer for. An answer that lists no records of a subject in a
 * dataset is only true when the node holds every batch the ledger anchors for that dataset; so a
 * data request is refused, before it is submitted (nothing decided, nothing written, no use of a
 * consent spent), when it names a dataset
 *
 * <ul>
 *   <li>whose provider's store failed its {@link StoreAnchorCheck} when the node started: {@link
 *       StoreException}, answered 503 {@code PROVIDER_STORE_UNAVAILABLE}, until the store is
 *       restored and the node restarted;
 *   <li>whose batches are anchored while its provider has no store on this node: {@link
 *       RecordsNotHeld}, answered 421 {@code RECORDS_NOT_HELD}.
 * </ul>
 *
 * <p>{@link #open} reads the catalogue and checks every store the node holds; from then on the
 * ledger's {@code DatasetRegistered} and {@code BatchAnchored} events keep the view current. A
 * batch anchored for a provider whose store this node holds must be in that store with the
 * anchored root and count (it is stored before its anchor is submitted, by this node's uploads
 * and imports alike); one anchored through another node or process that this store lacks makes
 * the store FAILED_CHECK on the spot, since its answers would leave that batch's records out. A
 * dataset registered in a block whose event has not arrived yet is not refused here: the chaincode
 * decides on it as on any other.
 */
public final class DatasetCoverage implements AutoCloseable {

    private static final Logger LOG = System.getLogger(DatasetCoverage.class.getName());

    private final ProviderStores stores;
    private final Map<String, String> providerOf = new ConcurrentHashMap<>();
    private final Set<String> anchored = ConcurrentHashMap.newKeySet();
    /**
     * What the start found of each provider's store, by provider: checked (UP or FAILED_CHECK),
     * held by another process (IN_USE), or absent while the provider's batches were anchored
     * (NOT_CHECKED: a store made for it later, by an upload after its folder was deleted, holds
     * none of those batches, so it stays unanswerable for them until a restart checks it).
     * A provider missing here had no store and nothing anchored at the start. A store becomes
     * FAILED_CHECK while the node runs when the ledger anchors a batch of its provider that it does
     * not hold ({@link #onEvent}).
     */
    private final Map<String, StoreStatus> statuses = new ConcurrentHashMap<>();
    private final AutoCloseable subscription;

    private DatasetCoverage(LedgerBackend ledger, ProviderStores stores) {
        this.stores = stores;
        // listening first: an event between the reads below and the subscription is not lost
        this.subscription = ledger.subscribe(this::onEvent);
    }

    /**
     * The coverage of a node on a ledger that holds nothing yet (a new platform): it follows the
     * ledger's events from here on, with no catalogue to read and no store to check.
     *
     * @param ledger the ledger
     * @param stores the provider stores this node holds
     * @return the coverage
     */
    public static DatasetCoverage following(LedgerBackend ledger, ProviderStores stores) {
        return new DatasetCoverage(Objects.requireNonNull(ledger, "ledger"), Objects.requireNonNull(stores, "stores"));
    }

    /**
     * Reads the catalogue, checks every provider store this node holds against the ledger's
     * anchors (a line in the node's log for each) and follows the ledger's events from here on.
     *
     * @param ledger the ledger
     * @param node the identity the node reads as
     * @param stores the provider stores this node holds
     * @return the coverage
     * @throws IllegalStateException if the ledger cannot be read
     */
    public static DatasetCoverage open(LedgerBackend ledger, LedgerIdentity node, ProviderStores stores) {
        DatasetCoverage coverage = following(ledger, stores);
        try {
            coverage.read(ledger, node);
        } catch (ChaincodeFailure e) {
            if (e.errorCode() == ErrorCode.ORGANISATION_NOT_REGISTERED && stores.held().isEmpty()) {
                // a node whose organisation the operator has not registered yet, on a new channel:
                // nothing can be anchored for stores it does not have; the events say what comes
                LOG.log(Level.INFO, node.mspId() + " is not registered yet; the catalogue is followed from here on");
                return coverage;
            }
            coverage.close();
            throw new IllegalStateException("cannot read the catalogue and anchors to check the provider stores: "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            coverage.close();
            throw e;
        }
        return coverage;
    }

    private void read(LedgerBackend ledger, LedgerIdentity node) throws ChaincodeFailure {
        Map<String, List<String>> datasetsByProvider = new LinkedHashMap<>();
        for (Dataset dataset : LedgerPages.all(ledger, node, Dataset.class, "Catalogue:listDatasets")) {
            providerOf.put(dataset.id(), dataset.providerMspId());
            datasetsByProvider.computeIfAbsent(dataset.providerMspId(), id -> new ArrayList<>()).add(dataset.id());
        }
        for (Map.Entry<String, List<String>> provider : datasetsByProvider.entrySet()) {
            if (stores.holds(provider.getKey())) {
                check(ledger, node, provider.getKey(), provider.getValue());
            } else {
                for (String datasetId : provider.getValue()) {
                    if (hasAnchors(ledger, node, datasetId)) {
                        anchored.add(datasetId);
                        statuses.put(provider.getKey(), new StoreStatus(provider.getKey(), State.NOT_CHECKED, null, null,
                                "made after the start, while batches of the provider were anchored; its anchored"
                                        + " datasets are answered after a restart checks it"));
                    }
                }
            }
        }
    }

    private void check(LedgerBackend ledger, LedgerIdentity node, String mspId, List<String> datasetIds)
            throws ChaincodeFailure {
        long started = System.nanoTime();
        StoreAnchorCheck.Result result;
        try {
            ProviderStore store = stores.find(mspId).orElseThrow();
            result = StoreAnchorCheck.run(store, datasetIds, ledger, node);
        } catch (StoreException e) {
            if (heldByAnotherProcess(e)) {
                statuses.put(mspId, new StoreStatus(mspId, State.IN_USE, null, null,
                        "in use by another process (a running node?): not checked"));
                LOG.log(Level.WARNING, "the record store of " + mspId + " is in use by another process; not checked");
                return;
            }
            statuses.put(mspId, new StoreStatus(mspId, State.FAILED_CHECK, null, null, e.getMessage()));
            LOG.log(Level.ERROR, "the record store of " + mspId + " cannot be read; none of its datasets is answered: "
                    + e.getMessage());
            return;
        }
        anchored.addAll(result.anchoredDatasets());
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (result.intact()) {
            // a failure an event found meanwhile (the subscription runs from before this check) stays
            statuses.merge(mspId, new StoreStatus(mspId, State.UP, result.batches(), result.records(), null),
                    (found, checked) -> found.state() == State.FAILED_CHECK ? found : checked);
            LOG.log(Level.INFO, "record store of " + mspId + ": " + result.batches() + " anchored batches, "
                    + result.records() + " records, as the ledger anchors them (" + millis + " ms"
                    + (result.adopted() > 0 ? "; " + result.adopted() + " anchors noted that a crash had left unnoted" : "")
                    + ")");
        } else {
            statuses.put(mspId, new StoreStatus(mspId, State.FAILED_CHECK, null, null, result.summary()));
            LOG.log(Level.ERROR, "the record store of " + mspId + " does not hold what the ledger anchors for it;"
                    + " none of its datasets is answered until it is restored from a backup: " + result.summary());
        }
    }

    /** H2's "database may be already in use": the file is locked by another process, not damaged. */
    private static boolean heldByAnotherProcess(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getErrorCode() == 90020) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasAnchors(LedgerBackend ledger, LedgerIdentity node, String datasetId)
            throws ChaincodeFailure {
        JsonNode page = Json.tree(ledger.evaluate(node, "Anchors:listAnchors", datasetId, "{\"pageSize\":1}"));
        return !page.path("records").isEmpty();
    }

    /**
     * Refuses a request this node cannot answer truthfully; see the class comment.
     *
     * @param request the request, before it is submitted
     * @throws StoreException if a requested dataset's provider store failed its check
     * @throws RecordsNotHeld if a requested dataset is anchored but its provider has no store here
     */
    public void requireAnswerable(AccessRequest request) throws RecordsNotHeld {
        for (RequestedItem item : request.items()) {
            String provider = providerOf.get(item.datasetId());
            if (provider == null) {
                continue; // not (yet) known here: the chaincode decides on it
            }
            State state = stateOf(provider);
            if (state == State.FAILED_CHECK) {
                throw new StoreException("the record store of " + provider + " does not hold what the ledger"
                        + " anchors for it, so none of its datasets is answered until the node's operator restores it"
                        + " and restarts the node (nothing was submitted)");
            }
            if (anchored.contains(item.datasetId()) && (state == State.NOT_CHECKED || !stores.holds(provider))) {
                throw new RecordsNotHeld(item.datasetId(), provider);
            }
        }
    }

    /**
     * The stores this node holds and whether each may be answered from, for {@code /health}.
     *
     * @return one entry per store, by provider
     */
    public List<StoreStatus> storeStatuses() {
        // a store made after the start (an import, an upload) without anchors to check then is UP
        return stores.held().stream().map(mspId -> statuses.getOrDefault(mspId,
                new StoreStatus(mspId, State.UP, null, null, null))).toList();
    }

    /** What a store is to the node. */
    public enum State {
        /** Answered from: checked at the start, or made after it with nothing anchored before. */
        UP,
        /** Does not hold what the ledger anchors for it (or cannot be read): none of its datasets answered. */
        FAILED_CHECK,
        /** Made after the start for a provider with anchored batches: those datasets not answered until a restart. */
        NOT_CHECKED,
        /** Held by another process at the start, so not checked: only {@code qcchain verify} beside a running node. */
        IN_USE;

        /** @return whether the node is degraded by a store in this state */
        public boolean degrades() {
            return this == FAILED_CHECK || this == NOT_CHECKED;
        }
    }

    /**
     * One store's status.
     *
     * @param mspId the provider
     * @param state what the store is to the node
     * @param checkedBatches the anchored batches found whole when the node started; null if not
     *     checked
     * @param checkedRecords their records; likewise
     * @param problem why the store is not UP (ids and roots only), or null
     */
    public record StoreStatus(String mspId, @JsonProperty("status") State state, Integer checkedBatches,
            Long checkedRecords, String problem) {}

    private void onEvent(LedgerEvent event) {
        if (!"DatasetRegistered".equals(event.name()) && !"BatchAnchored".equals(event.name())) {
            return;
        }
        JsonNode payload = Json.tree(event.payload());
        String datasetId = payload.path("datasetId").asText("");
        if ("DatasetRegistered".equals(event.name())) {
            providerOf.put(datasetId, payload.path("providerMspId").asText(""));
        } else {
            anchored.add(datasetId);
            requireHeld(datasetId, payload.path("batchId").asText(""), payload.path("merkleRoot").asText(""),
                    payload.path("recordCount").asInt(-1), payload.path("retiring").asBoolean(false));
        }
    }

    /** A provider's store's state: UP unless the start or an event found otherwise. */
    private State stateOf(String provider) {
        return Optional.ofNullable(statuses.get(provider)).map(StoreStatus::state).orElse(State.UP);
    }

    /**
     * A batch just anchored for a provider whose store is open here must be in that store. Only an
     * open store is looked at (every store held at the start was opened by its check, and one made
     * since is open): an event never opens a store, nor reopens one the node closed.
     */
    private void requireHeld(String datasetId, String batchId, String merkleRoot, int recordCount, boolean retiring) {
        String provider = providerOf.get(datasetId);
        Optional<ProviderStore> store = provider == null ? Optional.empty() : stores.opened(provider);
        if (store.isEmpty() || stateOf(provider) != State.UP) {
            return; // not held here (421 decides), or not answered from already
        }
        String problem = null;
        try {
            boolean held = store.get().batch(datasetId, batchId).filter(batch -> batch.merkleRoot().equals(merkleRoot)
                    && batch.records() == recordCount && batch.retiring() == retiring).isPresent();
            if (!held) {
                problem = "batch " + batchId + " of " + datasetId + " was anchored (root " + merkleRoot + ", "
                        + recordCount + " " + StoredBatch.contents(retiring) + ") but this store does not hold it:"
                        + " anchored through another node or process";
            }
        } catch (RuntimeException e) {
            // a store closed meanwhile (the node stops) or unreadable: never let the listener throw,
            // which would cost the events after this one
            if (stores.opened(provider).isEmpty()) {
                return;
            }
            problem = "cannot read batch " + batchId + " of " + datasetId + " just anchored: " + e.getMessage();
        }
        if (problem != null) {
            statuses.put(provider, new StoreStatus(provider, State.FAILED_CHECK, null, null, problem));
            LOG.log(Level.ERROR, "the record store of " + provider + " no longer holds what the ledger anchors for it;"
                    + " none of its datasets is answered until it holds the batch and a restart checks it: "
                    + problem);
        }
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            // closing a subscription cannot fail in a way that matters at shutdown
        }
    }
}
