/**
 * A durable, verifiable single-node ledger for Fabric Java chaincode, in H2 and an append-only block
 * file.
 *
 * <p>Start with {@link org.qcchain.ledger.embedded.EmbeddedLedger#open}: give it a folder and
 * {@link org.qcchain.ledger.embedded.LedgerOptions} (suite, node identity, channel, chaincode, the
 * {@link org.qcchain.ledger.embedded.ChannelMembership} whose members may submit, block size and
 * timeout). Build proposals with {@link
 * org.qcchain.ledger.embedded.SignedProposal#builder}, submit them and read the {@link
 * org.qcchain.ledger.embedded.CommitResult}'s {@link org.qcchain.ledger.embedded.ValidationCode};
 * evaluate queries; read blocks, transactions, state and history; subscribe with a {@link
 * org.qcchain.ledger.embedded.LedgerListener}; change the membership with a {@link
 * org.qcchain.ledger.embedded.MembershipUpdate} (a config block); and check the whole ledger with
 * {@code verify}.
 *
 * <p>The block and transaction formats, validation rules and storage layout are described in
 * {@code docs/ledger.md}.
 */
package org.qcchain.ledger.embedded;
