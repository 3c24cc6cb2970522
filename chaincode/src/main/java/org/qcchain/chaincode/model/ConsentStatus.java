package org.qcchain.chaincode.model;

/** Lifecycle of a consent. Expiry is not a status: it follows from the terms and the transaction time. */
public enum ConsentStatus {
    ACTIVE,
    /** Suspended by the subject; may be resumed. */
    PAUSED,
    /** Withdrawn by the subject; final. */
    REVOKED
}
