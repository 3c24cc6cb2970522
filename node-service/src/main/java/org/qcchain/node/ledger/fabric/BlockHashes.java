package org.qcchain.node.ledger.fabric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.qcchain.common.crypto.CryptoSuite;

/**
 * Fabric's two block hashes, computed exactly as the peer and orderer do (Go {@code protoutil}):
 * the <b>header hash</b>, SHA-256 of the ASN.1 DER {@code SEQUENCE {INTEGER number, OCTET STRING
 * previous_hash, OCTET STRING data_hash}} ({@code BlockHeaderHash}), which the next block names as
 * its {@code previous_hash}; and the <b>data hash</b>, SHA-256 of every envelope's bytes one after
 * the other ({@code ComputeBlockDataHash}), which the header names as its {@code data_hash}.
 */
final class BlockHashes {

    private static final CryptoSuite SHA256 = CryptoSuite.P256_SHA256;

    private BlockHashes() {}

    /** @return the hash a following block names as its previous hash */
    static byte[] headerHash(BlockHeader header) {
        DERSequence sequence = new DERSequence(new ASN1Encodable[] {
            // block numbers are uint64 on the wire
            new ASN1Integer(new BigInteger(Long.toUnsignedString(header.getNumber()))),
            new DEROctetString(header.getPreviousHash().toByteArray()),
            new DEROctetString(header.getDataHash().toByteArray())
        });
        try {
            return SHA256.hash(sequence.getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the header of block " + header.getNumber(), e);
        }
    }

    /** @return the hash of the block's envelopes, as its header should name it */
    static byte[] dataHash(BlockData data) {
        int size = 0;
        for (int i = 0; i < data.getDataCount(); i++) {
            size += data.getData(i).size();
        }
        byte[] all = new byte[size];
        int offset = 0;
        for (int i = 0; i < data.getDataCount(); i++) {
            data.getData(i).copyTo(all, offset);
            offset += data.getData(i).size();
        }
        return SHA256.hash(all);
    }
}
