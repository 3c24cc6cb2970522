package org.qcchain.common.answer;

/**
 * Evidence from a Hyperledger Fabric channel ({@code ledger = "fabric"}): the whole block that
 * holds the transaction, as the peer's {@code qscc GetBlockByTxID} returns it. Fabric hashes a
 * block's transactions as one flat digest (no Merkle tree), so checking that the envelope at
 * {@code index} belongs to the block header the orderer signed needs every envelope of the block.
 *
 * <p>A verifier checks, with the channel's MSP root certificates: the orderer's signature over the
 * header, the data hash over the envelopes, that the envelope at {@code index} is the endorser
 * transaction {@code txId} of {@code channel}, its creator's signature, the endorsements against
 * the endorsement rule, and the validation code that the committing peer recorded in the block's
 * metadata (docs/proof-format.md, section 11).
 *
 * @param ledger always {@value TransactionEvidence#FABRIC}
 * @param channel the channel name, e.g. {@code datashare}
 * @param txId the transaction id
 * @param index the position of the transaction's envelope in the block's data
 * @param block base64 of the {@code common.Block} protobuf bytes
 */
public record FabricEvidence(String ledger, String channel, String txId, int index, String block)
        implements TransactionEvidence {
}
