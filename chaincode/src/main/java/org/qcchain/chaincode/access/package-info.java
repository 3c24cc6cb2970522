/**
 * Who is calling and what they may do: {@link org.qcchain.chaincode.access.Caller} takes the
 * caller from the transaction's client identity, or, for a relayed write, from the signed command
 * that {@link org.qcchain.chaincode.access.RelayedCommands} verified; {@link
 * org.qcchain.chaincode.access.AccessPolicy}
 * holds the read rules, and {@link org.qcchain.chaincode.access.CertificateTrust} checks the
 * certificates and signatures carried inside arguments against the organisations' registered CAs.
 */
package org.qcchain.chaincode.access;
