package org.qcchain.sdk.verify;

import java.nio.ByteBuffer;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.qcchain.common.cache.LruCache;
import org.qcchain.common.crypto.Certificates;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.InvalidSignatureException;
import org.qcchain.common.crypto.IssuanceCache;
import org.qcchain.common.crypto.Pem;

/**
 * The three questions asked of every signer in an answer — is the certificate one of ours, was it
 * valid then, did its key sign these bytes — each failing with the reason the caller names, so the
 * node's certificate and a provider's certificate fail with their own reasons.
 *
 * <p>What is remembered, all of it pure functions of public bytes: certificates by their PEM text
 * (the same node and anchor-signer certificates come in every answer), issuance answers by
 * (certificate fingerprint, CA fingerprint) in common's {@link IssuanceCache}, and successful
 * signatures by (certificate fingerprint, signed bytes, signature). The checks run in the same
 * order with or without a hit.
 */
final class Signers {

    /** More trust anchors than this would be odd; the memo is cleared rather than grown past it. */
    private static final int MAX_CA_FINGERPRINTS = 1024;

    private static final byte[] SIGNED = {'S'};

    private final CryptoSuite suite;
    private final SignatureCache cache;
    private final IssuanceCache issuers;
    private final LruCache<String, ParsedCertificate> certificates;
    private final Map<X509Certificate, ParsedCertificate> cas = new ConcurrentHashMap<>();

    /**
     * @param suite the verifier's suite
     * @param cacheSize how many signature and how many issuance answers to remember; 0 for none
     * @param certificateCacheSize how many parsed certificates to remember
     */
    Signers(CryptoSuite suite, int cacheSize, int certificateCacheSize) {
        this.suite = suite;
        this.cache = new SignatureCache(cacheSize);
        this.issuers = new IssuanceCache(cacheSize);
        this.certificates = new LruCache<>(certificateCacheSize);
    }

    CryptoSuite suite() {
        return suite;
    }

    /** Reads a PEM certificate of the verifier's suite. */
    ParsedCertificate certificate(String pem, VerificationFailure failure, String what) throws VerificationException {
        ParsedCertificate known = pem == null ? null : certificates.get(pem);
        if (known == null) {
            known = parse(pem, failure, what);
            certificates.put(pem, known);
        }
        if (known.suite() != suite) {
            throw new VerificationException(VerificationFailure.SUITE_MISMATCH, what + " is a " + known.suite()
                    + " certificate; the network uses " + suite);
        }
        return known;
    }

    private static ParsedCertificate parse(String pem, VerificationFailure failure, String what)
            throws VerificationException {
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
        return ParsedCertificate.of(certificate, of);
    }

    /** Returns normally only if one of {@code cas} issued {@code certificate}. */
    void requireIssuedBy(ParsedCertificate certificate, List<X509Certificate> cas, VerificationFailure failure,
            String what) throws VerificationException {
        for (X509Certificate ca : cas) {
            if (issuers.issuedBy(certificate.certificate(), certificate.fingerprintHex(), ca,
                    ca(ca).fingerprintHex())) {
                return;
            }
        }
        throw new VerificationException(failure, what + " '" + Certificates.subjectDn(certificate.certificate())
                + "' was not issued by a trusted CA (" + cas.size() + " trusted)");
    }

    /** Returns normally only if the certificate was valid at {@code at}. */
    static void requireValidAt(ParsedCertificate certificate, Instant at, VerificationFailure failure, String what)
            throws VerificationException {
        if (certificate.validAt(at)) {
            return;
        }
        try {
            // the same bounds; called for its message
            Certificates.checkValidAt(certificate.certificate(), at);
        } catch (CertificateException e) {
            throw new VerificationException(failure, what + ": " + e.getMessage(), e);
        }
        throw new IllegalStateException("validity of '" + Certificates.subjectDn(certificate.certificate())
                + "' read two ways disagrees at " + at);
    }

    /** Returns normally only if the certificate's key signed {@code data}; successes are cached if asked. */
    void requireSignature(ParsedCertificate certificate, byte[] data, byte[] signature, boolean cacheable,
            VerificationFailure failure, String what) throws VerificationException {
        ByteBuffer key = cacheable && cache.enabled()
                ? SignatureCache.key(SIGNED, certificate.fingerprint(), data, signature) : null;
        if (key != null && cache.contains(key)) {
            return;
        }
        try {
            suite.verify(certificate.certificate().getPublicKey(), data, signature);
        } catch (InvalidSignatureException e) {
            throw new VerificationException(failure, what + " does not verify: " + e.getMessage(), e);
        }
        if (key != null) {
            cache.add(key);
        }
    }

    /** A trust anchor with its fingerprint, computed once per anchor object. */
    private ParsedCertificate ca(X509Certificate ca) {
        ParsedCertificate known = cas.get(ca);
        if (known == null) {
            if (cas.size() >= MAX_CA_FINGERPRINTS) {
                cas.clear();
            }
            known = ParsedCertificate.of(ca, null);
            cas.put(ca, known);
        }
        return known;
    }
}
