package org.qcchain.chaincode.model;

/** Whether a consent allows one use or repeated uses under a frequency cap. */
public enum FetchType {
    ONE_TIME,
    PERIODIC
}
