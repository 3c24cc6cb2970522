package org.qcchain.ledger.embedded;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A committed block: its header fields, its hash and the node's signature. Recompute the hash as
 * the suite's hash of {@link #headerBytes()}; check the signature over the same bytes with the
 * node certificate of block 0.
 *
 * @param number the block number, from 0 (genesis)
 * @param previousHash hex hash of the previous block; 64 zeros for block 0
 * @param transactionsRoot hex RFC 6962 Merkle root of the transaction hashes
 * @param timestamp when the node cut the block (milliseconds)
 * @param validationCodes one code per transaction, in order
 * @param genesis the ledger's configuration; block 0 only
 * @param config the membership update of a config block (which holds no transactions)
 * @param hash hex hash of the header bytes
 * @param signature the node's DER signature over the header bytes
 */
public record Block(long number, String previousHash, String transactionsRoot, Instant timestamp,
        List<ValidationCode> validationCodes, Optional<GenesisConfig> genesis, Optional<MembershipUpdate> config,
        String hash, byte[] signature) {

    private static final HexFormat HEX = HexFormat.of();

    /** Requires every part; copies the lists and the signature. */
    public Block {
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(transactionsRoot, "transactionsRoot");
        Objects.requireNonNull(timestamp, "timestamp");
        validationCodes = List.copyOf(validationCodes);
        Objects.requireNonNull(genesis, "genesis");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(hash, "hash");
        signature = Objects.requireNonNull(signature, "signature").clone();
    }

    /** A copy of the signature. */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** Genesis, config or transactions: the {@code type} of the header. */
    public BlockType type() {
        return BlockType.of(genesis.isPresent(), config.isPresent());
    }

    /** The number of transactions. */
    public int transactionCount() {
        return validationCodes.size();
    }

    /** The canonical JSON header: what is hashed and signed (see docs/ledger.md). */
    public byte[] headerBytes() {
        return new BlockHeader(number, HEX.parseHex(previousHash), HEX.parseHex(transactionsRoot),
                timestamp.toEpochMilli(), validationCodes, genesis.orElse(null), config.orElse(null)).bytes();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Block that && number == that.number && hash.equals(that.hash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, hash);
    }

    @Override
    public String toString() {
        return "Block[" + number + ", " + type() + ", " + validationCodes.size() + " txs, " + hash + "]";
    }
}
