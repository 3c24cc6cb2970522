package org.qcchain.chaincode.model;

/** Lifecycle of an agreement (供需对接). */
public enum AgreementStatus {
    /** Asked for by the consumer, waiting for the provider. */
    PENDING,
    /** Approved: the consumer may ask for data within its fields, purposes and period. */
    ACTIVE,
    /** Refused by the provider. */
    REJECTED,
    /** Ended by either party. */
    TERMINATED,
    /** Replaced by a newer approved agreement for the same consumer and dataset. */
    SUPERSEDED
}
