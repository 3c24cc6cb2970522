package org.qcchain.common.crypto;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.qcchain.common.cache.LruCache;

/**
 * Parsed certificates by their PEM text, for the hot paths that meet the same few client
 * certificates again and again (the embedded ledger's proposal creators, the node's signed-request
 * headers). Parsing is a pure function of the text, so each is parsed once instead of once per
 * transaction or request (a PEM parse costs about as much as half a signature check). Bounded
 * (least recently used out) and thread-safe; certificates are immutable once parsed. A text that
 * does not parse is not remembered.
 */
public final class ParsedCertificates {

    private static final int CAPACITY = 4096;

    private static final LruCache<String, X509Certificate> PARSED = new LruCache<>(CAPACITY);

    private ParsedCertificates() {}

    /**
     * The certificate of a PEM text, parsed once.
     *
     * @param pem one PEM certificate
     * @return the certificate
     * @throws CertificateException if the text is not one PEM certificate
     */
    public static X509Certificate parse(String pem) throws CertificateException {
        X509Certificate known = PARSED.get(pem);
        if (known != null) {
            return known;
        }
        X509Certificate parsed = Pem.parseCertificate(pem);
        PARSED.put(pem, parsed);
        return parsed;
    }
}
