package org.qcchain.chaincode.access;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.qcchain.common.crypto.IssuanceCache;
import org.qcchain.common.crypto.Pem;

/**
 * Parsing and issuer checks of certificates, memoised. Both are pure functions of their input, so
 * remembering them keeps the contract deterministic while sparing a signature check per
 * transaction on the hot path (the same few consumer certificates sign most requests).
 */
final class ParsedCertificates {
    private static final int CAPACITY = 4096;
    private static final Map<String, X509Certificate> PARSED = lru();
    private static final IssuanceCache ISSUED = new IssuanceCache(CAPACITY);

    private ParsedCertificates() {}

    static X509Certificate parseChecked(String pem) throws CertificateException {
        synchronized (PARSED) {
            X509Certificate cached = PARSED.get(pem);
            if (cached != null) {
                return cached;
            }
        }
        X509Certificate parsed = Pem.parseCertificate(pem);
        synchronized (PARSED) {
            PARSED.put(pem, parsed);
        }
        return parsed;
    }

    /** Parses a certificate that was validated when it was registered. */
    static X509Certificate parse(String pem) {
        try {
            return parseChecked(pem);
        } catch (CertificateException e) {
            throw new IllegalStateException("a registered CA certificate no longer parses", e);
        }
    }

    static boolean issuedBy(X509Certificate certificate, X509Certificate ca) {
        return ISSUED.issuedBy(certificate, ca);
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > CAPACITY;
            }
        };
    }
}
