package org.qcchain.ledger.embedded;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.qcchain.common.crypto.Pem;

/**
 * Parsed creator certificates by their PEM text. Parsing is a pure function of the text, and the
 * same few client certificates create most proposals, so each is parsed once instead of once per
 * transaction (a PEM parse costs about as much as half a signature check). Bounded (least
 * recently used out) and thread-safe; certificates are immutable once parsed.
 */
final class CertificateCache {

    private static final int CAPACITY = 4096;

    private static final Map<String, X509Certificate> PARSED = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, X509Certificate> eldest) {
            return size() > CAPACITY;
        }
    };

    private CertificateCache() {}

    static X509Certificate parse(String pem) throws CertificateException {
        synchronized (PARSED) {
            X509Certificate known = PARSED.get(pem);
            if (known != null) {
                return known;
            }
        }
        X509Certificate parsed = Pem.parseCertificate(pem);
        synchronized (PARSED) {
            PARSED.put(pem, parsed);
        }
        return parsed;
    }
}
