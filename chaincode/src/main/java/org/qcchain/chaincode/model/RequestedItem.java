package org.qcchain.chaincode.model;

import java.util.List;

/** One dataset and the fields a consumer asks for in a data request. */
public record RequestedItem(String datasetId, List<String> fields) {
    public RequestedItem {
        fields = fields == null ? null : List.copyOf(fields);
    }
}
