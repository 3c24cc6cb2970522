package org.qcchain.sdk.verify;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import org.qcchain.common.crypto.CryptoSuite;

/**
 * A certificate read once, with what the checks ask of it again and again: its DER encoding and
 * SHA-256 fingerprint (the cache keys), its suite, and its validity bounds. Bouncy Castle
 * re-encodes the certificate on every {@code getEncoded()} and re-parses the validity times on
 * every {@code getNotBefore()}; an answer asks both several times per signer.
 *
 * @param certificate the certificate
 * @param der its DER encoding; never modified
 * @param fingerprint SHA-256 of {@code der}; never modified
 * @param fingerprintHex the same in lowercase hex, as {@code Certificates.fingerprint} gives it
 * @param suite the suite of its public key; {@code null} for a trust anchor, whose suite
 *     {@code Certificates.verifyIssuedBy} checks
 * @param notBefore start of validity, as {@code Certificates.checkValidAt} reads it
 * @param notAfter end of validity, likewise
 */
record ParsedCertificate(X509Certificate certificate, byte[] der, byte[] fingerprint, String fingerprintHex,
        CryptoSuite suite, Instant notBefore, Instant notAfter) {

    /** Reads the parts of a certificate whose key is of {@code suite}. */
    static ParsedCertificate of(X509Certificate certificate, CryptoSuite suite) {
        byte[] der;
        try {
            der = certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate has an encoding", e);
        }
        byte[] fingerprint = SignatureCache.sha256(der);
        return new ParsedCertificate(certificate, der, fingerprint, HexFormat.of().formatHex(fingerprint), suite,
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
    }

    /** @return whether {@code at} lies within the validity, both ends inclusive */
    boolean validAt(Instant at) {
        return !at.isBefore(notBefore) && !at.isAfter(notAfter);
    }
}
