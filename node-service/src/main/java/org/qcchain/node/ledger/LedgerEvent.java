package org.qcchain.node.ledger;

/**
 * A chaincode event of a valid, committed transaction ({@code docs/chaincode.md}, Events): ids
 * only, never a pseudonym or a data value.
 *
 * @param blockNumber the block of the transaction
 * @param txId the transaction
 * @param name the event name, e.g. {@code OrganisationRegistered}
 * @param payload the canonical JSON payload
 */
public record LedgerEvent(long blockNumber, String txId, String name, String payload) {}
