package org.qcchain.chaincode.model;

import java.util.List;

/**
 * One dataset of a data request as recorded: who provides it and under which agreement.
 *
 * @param providerMspId null when the dataset is unknown
 * @param agreementId null when no agreement was in force
 */
public record AccessItem(String datasetId, String providerMspId, List<String> fields, String agreementId) {
    public AccessItem {
        fields = List.copyOf(fields);
    }
}
