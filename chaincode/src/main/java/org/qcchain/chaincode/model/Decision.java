package org.qcchain.chaincode.model;

/** The outcome of a data request. Both outcomes are recorded. */
public enum Decision {
    GRANTED,
    DENIED
}
