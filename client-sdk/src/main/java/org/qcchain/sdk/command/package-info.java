/**
 * Signed commands: how an organisation writes through a node that is not its own (an operator's
 * node serving the whole platform). {@link org.qcchain.sdk.command.Commands} makes the {@link
 * org.qcchain.sdk.command.UnsignedCommand} for a write, the organisation signs it into a {@link
 * org.qcchain.sdk.command.SignedCommand} (in process, or {@code bytesToSign()} in an HSM), and
 * {@code QcchainClient} sends it; the node relays it and the ledger runs it for the signer only.
 * A provider anchors the same way: {@link org.qcchain.sdk.command.BatchStatement} is a batch the
 * node cut for it, signed into a {@link org.qcchain.sdk.command.SignedBatchStatement}.
 */
package org.qcchain.sdk.command;
