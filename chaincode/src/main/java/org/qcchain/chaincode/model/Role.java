package org.qcchain.chaincode.model;

/** What an organisation may do on the platform. An organisation may hold several roles. */
public enum Role {
    /** The Big Data Bureau: registers organisations and their roles. */
    OPERATOR,
    /** A source unit: registers datasets, anchors record batches, approves agreements. */
    PROVIDER,
    /** A bank or insurer: asks for agreements and requests data about consenting subjects. */
    CONSUMER,
    /** The citizen app or portal: records subjects' consents and their revocation. */
    IDENTITY_PROVIDER,
    /** A regulator or audit office: reads the whole access trail. */
    AUDITOR
}
