package org.qcchain.common.crypto;

import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * What an end-entity certificate may be used for; decides its key usage and extended key usage.
 *
 * <p>EC keys never get {@code keyEncipherment} (RFC 8813): TLS with EC certificates signs the key
 * exchange instead.
 *
 * <pre>{@code
 * Identity tlsServer = ca.issueIdentity("CN=peer0.org1.example.com,O=Org1",
 *     CertificateProfile.SERVER, notBefore, Duration.ofDays(365));
 * }</pre>
 */
public enum CertificateProfile {

    /** A user or application that signs requests and authenticates as a TLS client. */
    CLIENT(KeyUsage.digitalSignature, KeyPurposeId.id_kp_clientAuth),

    /**
     * A TLS server, which may also connect to others as a client (peers gossip, orderers replicate).
     * Issued with the common name as DNS or IP subject alternative name when no names are given.
     */
    SERVER(
            KeyUsage.digitalSignature | KeyUsage.keyAgreement,
            KeyPurposeId.id_kp_serverAuth,
            KeyPurposeId.id_kp_clientAuth),

    /** A signer of documents and records (for example evidence), not for TLS. */
    SIGNING(KeyUsage.digitalSignature | KeyUsage.nonRepudiation);

    private final int keyUsageBits;
    private final KeyPurposeId[] extendedKeyUsages;

    CertificateProfile(int keyUsageBits, KeyPurposeId... extendedKeyUsages) {
        this.keyUsageBits = keyUsageBits;
        this.extendedKeyUsages = extendedKeyUsages;
    }

    KeyUsage keyUsage() {
        return new KeyUsage(keyUsageBits);
    }

    /** The extended key usage extension value, or {@code null} if the profile has none. */
    ExtendedKeyUsage extendedKeyUsage() {
        return extendedKeyUsages.length == 0 ? null : new ExtendedKeyUsage(extendedKeyUsages.clone());
    }
}
