/**
 * The node's one view of the ledger: {@link org.qcchain.node.ledger.LedgerBackend} submits and
 * evaluates contract functions as an organisation, returns the evidence that a transaction is on
 * the ledger, verifies the ledger and delivers chaincode events. The embedded implementation is in
 * {@code org.qcchain.node.ledger.embedded}; the Fabric one, through a gateway peer, in {@code
 * org.qcchain.node.ledger.fabric}.
 *
 * <p>{@link org.qcchain.node.ledger.LedgerOrganisationDirectory} reads the organisations that the
 * OPERATOR registered on the chain, for request authentication.
 */
package org.qcchain.node.ledger;
