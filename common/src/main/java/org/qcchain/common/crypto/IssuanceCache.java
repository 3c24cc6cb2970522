package org.qcchain.common.crypto;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.qcchain.common.cache.LruCache;

/**
 * Remembers which certificate was issued by which CA, by the pair of their SHA-256 fingerprints.
 * {@link Certificates#verifyIssuedBy} is a pure function of the two certificates' bytes, so a
 * remembered answer is exactly the answer a new check would give, whatever membership is in force
 * (which CAs count is decided by the caller); it spares one signature check per transaction, as
 * the same few client certificates sign most proposals and requests. The chaincode, the embedded
 * ledger, the node and the client SDK's verifier all check issuers on their hot paths, through
 * this one class. Bounded (least recently used out) and thread-safe; a capacity of 0 remembers
 * nothing.
 */
public final class IssuanceCache {

    private final LruCache<String, Boolean> answers;

    /** @param capacity how many (certificate, CA) answers to keep */
    public IssuanceCache(int capacity) {
        this.answers = new LruCache<>(capacity);
    }

    /** Whether {@code ca} issued {@code certificate} (see {@link Certificates#verifyIssuedBy}). */
    public boolean issuedBy(X509Certificate certificate, X509Certificate ca) {
        return issuedBy(certificate, Certificates.fingerprint(certificate), ca, Certificates.fingerprint(ca));
    }

    /**
     * Whether {@code ca} issued {@code certificate}, for a caller that keeps both fingerprints
     * ({@link Certificates#fingerprint}) with the certificates it parsed once, as a verifier that
     * meets the same certificates in every answer does: a hit then costs no DER re-encoding. The
     * fingerprints must be those of the two certificates; they are the key of the answer.
     *
     * @param certificate the certificate to check
     * @param certificateFingerprint its fingerprint
     * @param ca the candidate issuer
     * @param caFingerprint the issuer's fingerprint
     * @return whether the CA's key signed the certificate and the names chain
     */
    public boolean issuedBy(X509Certificate certificate, String certificateFingerprint, X509Certificate ca,
            String caFingerprint) {
        String pair = certificateFingerprint + "/" + caFingerprint;
        Boolean known = answers.get(pair);
        if (known != null) {
            return known;
        }
        boolean issued;
        try {
            Certificates.verifyIssuedBy(certificate, ca);
            issued = true;
        } catch (CertificateException e) {
            issued = false;
        }
        answers.put(pair, issued);
        return issued;
    }

    /** How many answers are remembered. */
    public int size() {
        return answers.size();
    }
}
