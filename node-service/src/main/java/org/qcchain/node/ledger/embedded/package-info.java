/**
 * The node's ledger backend on the embedded ledger ({@code org.qcchain.ledger.embedded}): {@link
 * org.qcchain.node.ledger.embedded.EmbeddedLedgerBackend#create} is the one place where the node
 * builds {@code LedgerOptions} and opens the ledger, so a change of the ledger's options touches
 * one class.
 */
package org.qcchain.node.ledger.embedded;
