package org.qcchain.chaincode.store;

import java.util.List;
import java.util.Optional;
import org.qcchain.chaincode.model.Anchor;
import org.qcchain.chaincode.model.Page;
import org.qcchain.chaincode.model.PageQuery;
import org.qcchain.chaincode.support.ContractErrors;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;

/** Anchored batches by dataset and batch id; listing per dataset follows batch-id order. */
public final class AnchorStore {
    private final LedgerState state;

    public AnchorStore(LedgerState state) {
        this.state = state;
    }

    public Optional<Anchor> find(String datasetId, String batchId) {
        return state.read(key(datasetId, batchId), Anchor.class);
    }

    public Anchor require(String datasetId, String batchId) {
        return find(datasetId, batchId).orElseThrow(() -> ContractErrors.error(ErrorCode.ANCHOR_NOT_FOUND,
                "batch '" + batchId + "' of dataset '" + datasetId + "' is not anchored"));
    }

    public boolean exists(String datasetId, String batchId) {
        return state.exists(key(datasetId, batchId));
    }

    public void save(Anchor anchor) {
        state.write(key(anchor.statement().datasetId(), anchor.statement().batchId()), anchor);
    }

    public Page<Anchor> page(String datasetId, PageQuery query) {
        return state.pageByPartialKey(Keys.ANCHOR, List.of(datasetId), query,
                kv -> Optional.of(Json.parse(kv.getValue(), Anchor.class)));
    }

    private String key(String datasetId, String batchId) {
        return Keys.of(state.stub(), Keys.ANCHOR, datasetId, batchId);
    }
}
