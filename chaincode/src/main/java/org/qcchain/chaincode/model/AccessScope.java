package org.qcchain.chaincode.model;

/** Whose access trail a query reads. */
public enum AccessScope {
    ALL,
    CONSUMER,
    PROVIDER,
    SUBJECT
}
