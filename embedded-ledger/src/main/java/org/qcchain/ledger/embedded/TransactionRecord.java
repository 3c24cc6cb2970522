package org.qcchain.ledger.embedded;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Objects;
import java.util.Optional;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.qcchain.simulator.ChaincodeEventRecord;
import org.qcchain.simulator.ReadWriteSet;

/**
 * An ordered transaction as the ledger stores it: where it is, what was asked (the signed
 * proposal), what it read and wrote, what the chaincode answered, and whether it was valid.
 *
 * @param txId the transaction id
 * @param blockNumber the block holding it
 * @param txNumber its index in the block
 * @param proposal the signed proposal, exactly as submitted
 * @param rwsetBytes the read/write set in Fabric's {@code KVRWSet} encoding
 * @param status the chaincode's response status
 * @param message the chaincode's response message
 * @param payload the chaincode's response payload
 * @param event the chaincode event it set, if any (delivered to listeners only when valid)
 * @param code the validation code
 * @param hash the transaction hash (hex), the Merkle leaf of its block
 */
public record TransactionRecord(String txId, long blockNumber, int txNumber, SignedProposal proposal,
        byte[] rwsetBytes, int status, String message, byte[] payload,
        Optional<ChaincodeEventRecord> event, ValidationCode code, String hash) {

    /** Requires every part; copies the byte arrays. */
    public TransactionRecord {
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(proposal, "proposal");
        rwsetBytes = Objects.requireNonNull(rwsetBytes, "rwsetBytes").clone();
        Objects.requireNonNull(message, "message");
        payload = Objects.requireNonNull(payload, "payload").clone();
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(hash, "hash");
    }

    /** A copy of the encoded read/write set. */
    @Override
    public byte[] rwsetBytes() {
        return rwsetBytes.clone();
    }

    /** A copy of the response payload. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /**
     * The transaction's hashed form: the canonical JSON (RFC 8785) whose suite hash is {@link
     * #hash}, laid out in docs/ledger.md, and what the evidence of the transaction carries. Written
     * directly from the parts, without a JSON tree: a node hands this out with every answer.
     */
    public byte[] hashedForm() {
        return TransactionEnvelope.bytes(this);
    }

    /** The encoded read/write set itself, for this package's hashing: not to be changed. */
    byte[] rwsetBytesUnsafe() {
        return rwsetBytes;
    }

    /** The response payload itself, for this package's hashing: not to be changed. */
    byte[] payloadUnsafe() {
        return payload;
    }

    /** The read/write set, decoded. */
    public ReadWriteSet readWriteSet() {
        try {
            return ReadWriteSet.fromProto(KVRWSet.parseFrom(rwsetBytes));
        } catch (InvalidProtocolBufferException e) {
            throw new LedgerException("stored read/write set of " + txId + " cannot be decoded", e);
        }
    }

    /** Whether its writes reached the world state. */
    public boolean isValid() {
        return code == ValidationCode.VALID;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TransactionRecord that && blockNumber == that.blockNumber
                && txNumber == that.txNumber && hash.equals(that.hash) && code == that.code;
    }

    @Override
    public int hashCode() {
        return Objects.hash(blockNumber, txNumber, hash, code);
    }

    @Override
    public String toString() {
        return "TransactionRecord[" + txId + " in block " + blockNumber + " #" + txNumber + ", " + code
                + "]";
    }
}
