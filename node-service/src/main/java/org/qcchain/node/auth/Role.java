package org.qcchain.node.auth;

/**
 * What an organisation may do on the platform; routes are bound to roles with {@link RoleGuard}.
 *
 * <p>The same names as the chaincode's {@code org.qcchain.chaincode.model.Role}: the node checks
 * roles before it spends a ledger round trip, the chaincode checks them again when it decides.
 * This copy keeps the HTTP layer free of the chaincode's Fabric dependencies.
 */
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
