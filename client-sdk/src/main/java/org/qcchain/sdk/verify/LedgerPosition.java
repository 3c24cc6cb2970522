package org.qcchain.sdk.verify;

/**
 * Where a verified transaction sits on the ledger: in block {@code blockNumber}, whose header
 * hashes to {@code blockHash}, at position {@code index}. An auditor can compare the block hash with
 * the chain it verified ({@link ChainVerifier}), and a client that remembers the last block hash it
 * saw can check that later answers extend it.
 *
 * @param txId the transaction id (for the access transaction: the access id)
 * @param blockNumber the block's number
 * @param blockHash lowercase hex block hash: on the embedded ledger the suite hash of the block
 *     header's canonical JSON; on Fabric SHA-256 of the header's ASN.1 bytes ({@code
 *     protoutil.BlockHeaderHash}), which the next block's {@code previous_hash} names
 * @param index the transaction's position in the block, from 0
 */
public record LedgerPosition(String txId, long blockNumber, String blockHash, int index) {}
