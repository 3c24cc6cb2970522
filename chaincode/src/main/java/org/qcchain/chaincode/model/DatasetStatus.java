package org.qcchain.chaincode.model;

/** Lifecycle of a catalogue entry. A retired dataset can be read but no longer anchored or requested. */
public enum DatasetStatus {
    ACTIVE,
    RETIRED
}
