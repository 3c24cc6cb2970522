package org.qcchain.chaincode.model;

/** What the consumer may do with the data it receives (as in the Account Aggregator artefact). */
public enum ConsentMode {
    /** Look at the data for the decision only; keep nothing. */
    VIEW,
    /** Keep the data for the consent's data life. */
    STORE
}
