/**
 * The node's ledger backend on the embedded ledger ({@code org.qcchain.ledger.embedded}): {@link
 * org.qcchain.node.ledger.embedded.EmbeddedLedgerBackend#create} opens the ledger, and {@code
 * LedgerSetup} is the one place where the node builds {@code LedgerOptions}, so a change of the
 * ledger's options touches one class. Behind the backend, {@code Submitter} proposes and retries
 * transactions (blocking, or completing a future when the block is durable), {@code RecentBlocks}
 * keeps the blocks just committed so that fresh transactions' evidence comes from memory, {@code
 * EvidenceReader} reads blocks and transaction evidence, {@code
 * ChannelAdmission} updates the channel membership and {@code IntegrityReport} reports a replay
 * of the whole ledger.
 */
package org.qcchain.node.ledger.embedded;
