package org.qcchain.common.answer;

/**
 * Evidence from a Hyperledger Fabric channel ({@code ledger = "fabric"}): the whole block that
 * holds the transaction, as the peer's {@code qscc GetBlockByTxID} returns it. Fabric hashes a
 * block's transactions as one flat digest (no Merkle tree), so checking that the envelope at
 * {@code index} belongs to the block header the orderer signed needs every envelope of the block.
 *
 * <p>A verifier checks, with the channel's trust (its organisations' CA certificates, which of
 * them order and endorse): the data hash over the envelopes, the orderer's signature over the
 * header, that the envelope at {@code index} is the endorser transaction {@code txId} of {@code
 * channel}, its transaction id derivation and its creator's signature, the chaincode, the
 * endorsements against the endorsement rule, the validation code that the committing peer recorded
 * in the block's metadata, and the chaincode's status (docs/proof-format.md, section 11, "Fabric
 * evidence"; the client SDK's verifier). The validation code is not signed by the
 * orderer: the node's signature over the answer covers it, and the verifier re-checks what it can
 * of the validation itself (signatures and endorsement rule; not MVCC, which needs the state).
 * The block is read with {@code org.qcchain.common.fabric.Block}.
 *
 * @param ledger always {@value TransactionEvidence#FABRIC}
 * @param channel the channel name, e.g. {@code datashare}
 * @param txId the transaction id: lowercase hex SHA-256 of the creator's nonce and serialized identity
 * @param index the position of the transaction's envelope in the block's data, from 0
 * @param block base64 (RFC 4648, padded) of the {@code common.Block} protobuf bytes, with all
 *     metadata entries (signatures and transactions filter)
 */
public record FabricEvidence(String ledger, String channel, String txId, int index, String block)
        implements TransactionEvidence {
}
