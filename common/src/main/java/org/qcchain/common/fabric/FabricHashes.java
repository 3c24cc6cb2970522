package org.qcchain.common.fabric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.qcchain.common.crypto.CryptoSuite;

/**
 * How Fabric 2.5 hashes what it signs, as in its {@code protoutil} package: always SHA-256,
 * whatever a network's suite, because Fabric's hashes are fixed by its code, not configured.
 *
 * <ul>
 *   <li>{@link #blockHeaderBytes}: {@code BlockHeaderBytes}, the ASN.1 DER {@code SEQUENCE {
 *       INTEGER number, OCTET STRING previous_hash, OCTET STRING data_hash }} that orderers sign
 *       and whose SHA-256 is the block hash ({@code BlockHeaderHash}) the next block links to;
 *   <li>{@link #dataHash}: {@code BlockDataHash}, SHA-256 of the block's envelopes concatenated
 *       (no Merkle tree; no length prefixes);
 *   <li>{@link #proposalHash}: {@code GetProposalHash2}, SHA-256 of channel header, signature
 *       header and chaincode proposal payload, which each endorsement's response payload carries;
 *   <li>{@link #transactionId}: {@code ComputeTxID}, hex SHA-256 of nonce and creator.
 * </ul>
 */
public final class FabricHashes {

    private static final HexFormat HEX = HexFormat.of();

    private FabricHashes() {}

    /**
     * The DER bytes of a block header, as Go's {@code encoding/asn1} writes them.
     *
     * @param number the block number, an unsigned 64-bit value
     * @param previousHash the previous block's header hash
     * @param dataHash the hash of this block's data
     * @return the bytes the orderer signs (after the metadata value and signature header)
     */
    public static byte[] blockHeaderBytes(long number, byte[] previousHash, byte[] dataHash) {
        BigInteger unsigned = new BigInteger(Long.toUnsignedString(number));
        ASN1Encodable[] parts = {
            new ASN1Integer(unsigned), new DEROctetString(previousHash), new DEROctetString(dataHash)
        };
        try {
            return new DERSequence(parts).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException("a block header always has a DER encoding", e);
        }
    }

    /**
     * SHA-256 of the concatenated envelopes.
     *
     * @param data the block's data entries, in order
     * @return the 32-byte hash a valid header carries as {@code data_hash}
     */
    public static byte[] dataHash(List<byte[]> data) {
        MessageDigest digest = CryptoSuite.P256_SHA256.newDigest();
        data.forEach(digest::update);
        return digest.digest();
    }

    /**
     * SHA-256 over the three parts, in this order.
     *
     * @param channelHeader the transaction's serialized channel header
     * @param signatureHeader the action's serialized signature header
     * @param chaincodeProposalPayload the serialized chaincode proposal payload
     * @return the hash the endorsed proposal response payload must carry
     */
    public static byte[] proposalHash(byte[] channelHeader, byte[] signatureHeader, byte[] chaincodeProposalPayload) {
        MessageDigest digest = CryptoSuite.P256_SHA256.newDigest();
        digest.update(channelHeader);
        digest.update(signatureHeader);
        digest.update(chaincodeProposalPayload);
        return digest.digest();
    }

    /**
     * The transaction id Fabric derives from a proposal's signature header.
     *
     * @param nonce the signature header's nonce
     * @param creator the signature header's creator (a serialized identity)
     * @return lowercase hex SHA-256 of {@code nonce ‖ creator}
     */
    public static String transactionId(byte[] nonce, byte[] creator) {
        MessageDigest digest = CryptoSuite.P256_SHA256.newDigest();
        digest.update(nonce);
        digest.update(creator);
        return HEX.formatHex(digest.digest());
    }
}
