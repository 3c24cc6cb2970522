package org.qcchain.sdk.verify;

import java.nio.ByteBuffer;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.qcchain.common.crypto.Certificates;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.InvalidSignatureException;
import org.qcchain.common.crypto.Pem;

/**
 * The three questions asked of every signer in an answer — is the certificate one of ours, was it
 * valid then, did its key sign these bytes — each failing with the reason the caller names, so the
 * node's certificate and a provider's certificate fail with their own reasons.
 */
final class Signers {

    private final CryptoSuite suite;
    private final SignatureCache cache;

    Signers(CryptoSuite suite, SignatureCache cache) {
        this.suite = suite;
        this.cache = cache;
    }

    CryptoSuite suite() {
        return suite;
    }

    /** Reads a PEM certificate of the verifier's suite. */
    X509Certificate certificate(String pem, VerificationFailure failure, String what) throws VerificationException {
        X509Certificate certificate;
        try {
            certificate = Pem.parseCertificate(pem);
        } catch (CertificateException | RuntimeException e) {
            throw new VerificationException(failure, what + " is not a PEM certificate", e);
        }
        CryptoSuite of;
        try {
            of = Certificates.suiteOf(certificate);
        } catch (IllegalArgumentException e) {
            throw new VerificationException(failure, what + " has a key of no crypto suite", e);
        }
        if (of != suite) {
            throw new VerificationException(VerificationFailure.SUITE_MISMATCH, what + " is a " + of
                    + " certificate; the network uses " + suite);
        }
        return certificate;
    }

    /** Returns normally only if one of {@code cas} issued {@code certificate}. */
    void requireIssuedBy(X509Certificate certificate, List<X509Certificate> cas, VerificationFailure failure,
            String what) throws VerificationException {
        for (X509Certificate ca : cas) {
            ByteBuffer key = SignatureCache.key(new byte[] {'I'}, der(ca), der(certificate));
            if (cache.contains(key)) {
                return;
            }
            try {
                Certificates.verifyIssuedBy(certificate, ca);
                cache.add(key);
                return;
            } catch (CertificateException e) {
                // not this CA; try the next
            }
        }
        throw new VerificationException(failure, what + " '" + Certificates.subjectDn(certificate)
                + "' was not issued by a trusted CA (" + cas.size() + " trusted)");
    }

    /** Returns normally only if the certificate was valid at {@code at}. */
    static void requireValidAt(X509Certificate certificate, Instant at, VerificationFailure failure, String what)
            throws VerificationException {
        try {
            Certificates.checkValidAt(certificate, at);
        } catch (CertificateException e) {
            throw new VerificationException(failure, what + ": " + e.getMessage(), e);
        }
    }

    /** Returns normally only if the certificate's key signed {@code data}; successes are cached if asked. */
    void requireSignature(X509Certificate certificate, byte[] data, byte[] signature, boolean cacheable,
            VerificationFailure failure, String what) throws VerificationException {
        ByteBuffer key = cacheable ? SignatureCache.key(new byte[] {'S'}, der(certificate), data, signature) : null;
        if (key != null && cache.contains(key)) {
            return;
        }
        try {
            suite.verify(certificate.getPublicKey(), data, signature);
        } catch (InvalidSignatureException e) {
            throw new VerificationException(failure, what + " does not verify: " + e.getMessage(), e);
        }
        if (key != null) {
            cache.add(key);
        }
    }

    static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate has an encoding", e);
        }
    }
}
