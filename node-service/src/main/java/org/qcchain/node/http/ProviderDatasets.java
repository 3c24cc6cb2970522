package org.qcchain.node.http;

import org.qcchain.chaincode.model.Dataset;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.node.ApiException;
import org.qcchain.node.auth.Caller;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerIdentity;

/**
 * Finds the catalogue entry a provider route works on and checks that the caller is its source
 * (一数一源): only the dataset's provider loads and anchors its records. Blocking (a ledger
 * query): call on a worker.
 */
final class ProviderDatasets {

    private ProviderDatasets() {}

    /**
     * The dataset, if the caller is its provider and it is active.
     *
     * @throws ChaincodeFailure {@code DATASET_NOT_FOUND} for an unknown id
     * @throws ApiException {@code NOT_AUTHORIZED} for another provider's dataset, {@code
     *     DATASET_RETIRED} for a retired one
     */
    static Dataset requireOwn(LedgerBackend ledger, LedgerIdentity node, String datasetId, Caller caller)
            throws ChaincodeFailure {
        Dataset dataset = Json.parse(ledger.evaluate(node, "Catalogue:getDataset", datasetId), Dataset.class);
        if (!dataset.providerMspId().equals(caller.mspId())) {
            throw new ApiException(ErrorCode.NOT_AUTHORIZED, "dataset " + datasetId + " is provided by "
                    + dataset.providerMspId() + "; only its source loads and anchors its records");
        }
        if (!dataset.active()) {
            throw new ApiException(ErrorCode.DATASET_RETIRED, "dataset " + datasetId + " is retired");
        }
        return dataset;
    }
}
