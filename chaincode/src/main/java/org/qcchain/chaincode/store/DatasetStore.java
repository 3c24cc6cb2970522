package org.qcchain.chaincode.store;

import java.util.List;
import java.util.Optional;
import org.qcchain.chaincode.model.Dataset;
import org.qcchain.chaincode.model.Page;
import org.qcchain.chaincode.model.PageQuery;
import org.qcchain.chaincode.support.ContractErrors;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;

/** The catalogue: datasets by id. */
public final class DatasetStore {
    private final LedgerState state;

    public DatasetStore(LedgerState state) {
        this.state = state;
    }

    public Optional<Dataset> find(String id) {
        return state.read(key(id), Dataset.class);
    }

    public Dataset require(String id) {
        return find(id).orElseThrow(() -> ContractErrors.error(ErrorCode.DATASET_NOT_FOUND,
                "dataset '" + id + "' is not in the catalogue"));
    }

    /** The dataset, which must still be active. */
    public Dataset requireActive(String id) {
        Dataset dataset = require(id);
        if (!dataset.active()) {
            throw ContractErrors.error(ErrorCode.DATASET_RETIRED, "dataset '" + id + "' is retired");
        }
        return dataset;
    }

    public void save(Dataset dataset) {
        state.write(key(dataset.id()), dataset);
    }

    public Page<Dataset> page(PageQuery query) {
        return state.pageByPartialKey(Keys.DATASET, List.of(), query,
                kv -> Optional.of(Json.parse(kv.getValue(), Dataset.class)));
    }

    private String key(String id) {
        return Keys.of(state.stub(), Keys.DATASET, id);
    }
}
