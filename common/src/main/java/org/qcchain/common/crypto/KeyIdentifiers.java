package org.qcchain.common.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Key identifiers for the subject and authority key identifier extensions: the leftmost 160 bits of
 * the suite's hash of the public key bits (RFC 7093 method 1 with the suite's hash, as GM/T 0015
 * asks SM3 for SM2 certificates).
 */
final class KeyIdentifiers {

    private static final int LENGTH = 20;

    private KeyIdentifiers() {}

    static byte[] of(CryptoSuite suite, PublicKey key) {
        byte[] keyBits =
                SubjectPublicKeyInfo.getInstance(key.getEncoded()).getPublicKeyData().getBytes();
        return Arrays.copyOf(suite.hash(keyBits), LENGTH);
    }

    /** The certificate's own subject key identifier, or one computed from its key if it has none. */
    static byte[] of(CryptoSuite suite, X509Certificate certificate) {
        try {
            X509CertificateHolder holder = new X509CertificateHolder(certificate.getEncoded());
            SubjectKeyIdentifier identifier = holder.getExtensions() == null
                    ? null
                    : SubjectKeyIdentifier.fromExtensions(holder.getExtensions());
            return identifier != null
                    ? identifier.getKeyIdentifier()
                    : of(suite, certificate.getPublicKey());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        } catch (IOException e) {
            throw new UncheckedIOException("certificate cannot be re-read", e);
        }
    }
}
