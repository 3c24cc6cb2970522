package org.qcchain.chaincode.model;

import java.util.List;

/** A dataset and the fields of it that a consent covers. */
public record ConsentItem(String datasetId, List<String> fields) {
    public ConsentItem {
        fields = List.copyOf(fields);
    }
}
