package org.qcchain.common.fabric;

import java.io.ByteArrayOutputStream;

/**
 * {@code common.MetadataSignature}: one orderer's signature over a block. Raft orderers (Fabric
 * 2.5) fill {@code signature_header} with their serialized identity and a nonce; BFT orderers
 * (Fabric 3) may leave it empty and give {@code identifier_header} instead, the consenter's numeric
 * id, whose identity only the channel configuration's consenter set resolves. Either header is
 * signed in the header's place ({@link #signedBytes}). The arrays are the reader's copies.
 *
 * @param signatureHeader a serialized {@link SignatureHeader}, or empty
 * @param signature the DER signature
 * @param identifierHeader a serialized {@code common.IdentifierHeader}, or empty
 */
public record MetadataSignature(byte[] signatureHeader, byte[] signature, byte[] identifierHeader) {

    /**
     * Reads a serialized signature.
     *
     * @param bytes the message
     * @return the view
     * @throws ProtoFormatException if the bytes are not a well-formed signature
     */
    public static MetadataSignature parse(byte[] bytes) throws ProtoFormatException {
        ProtoFields fields = ProtoFields.parse(bytes, "common.MetadataSignature", 1, 2, 3);
        return new MetadataSignature(fields.bytes(1), fields.bytes(2), fields.bytes(3));
    }

    /** @return whether this is a BFT signature that names its signer only by consenter id */
    public boolean byConsenterId() {
        return signatureHeader.length == 0 && identifierHeader.length > 0;
    }

    /**
     * The bytes this signature signs, as Fabric's {@code BlockSignatureVerifier} builds them:
     * {@code value ‖ signature_header ‖ BlockHeaderBytes}, or with the identifier header in the
     * signature header's place for a {@linkplain #byConsenterId() BFT signature}.
     *
     * @param metadataValue the value of the SIGNATURES metadata entry
     * @param header the block's header
     * @return the signed bytes
     */
    public byte[] signedBytes(byte[] metadataValue, BlockHeader header) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(metadataValue);
        out.writeBytes(byConsenterId() ? identifierHeader : signatureHeader);
        out.writeBytes(header.asn1Bytes());
        return out.toByteArray();
    }
}
