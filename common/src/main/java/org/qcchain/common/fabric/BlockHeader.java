package org.qcchain.common.fabric;

import org.qcchain.common.crypto.CryptoSuite;

/**
 * {@code common.BlockHeader}: what the orderer signs of a block. The arrays are the reader's own
 * copies; callers must not change them.
 *
 * @param number the block number (unsigned 64 bits)
 * @param previousHash the header hash of the block before
 * @param dataHash SHA-256 of the block's envelopes, concatenated
 */
public record BlockHeader(long number, byte[] previousHash, byte[] dataHash) {

    /**
     * Reads a serialized header.
     *
     * @param bytes the message
     * @return the view
     * @throws ProtoFormatException if the bytes are not a well-formed header
     */
    public static BlockHeader parse(byte[] bytes) throws ProtoFormatException {
        ProtoFields fields = ProtoFields.parse(bytes, "common.BlockHeader", 1, 2, 3);
        return new BlockHeader(fields.varint(1), fields.bytes(2), fields.bytes(3));
    }

    /** @return the ASN.1 DER bytes Fabric signs and hashes ({@link FabricHashes#blockHeaderBytes}) */
    public byte[] asn1Bytes() {
        return FabricHashes.blockHeaderBytes(number, previousHash, dataHash);
    }

    /** @return the block hash: SHA-256 of {@link #asn1Bytes()}, which the next block's previous hash names */
    public byte[] hash() {
        return CryptoSuite.P256_SHA256.hash(asn1Bytes());
    }
}
