package org.qcchain.common.crypto;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers which certificate was issued by which CA, by the pair of their SHA-256 fingerprints.
 * {@link Certificates#verifyIssuedBy} is a pure function of the two certificates' bytes, so a
 * remembered answer is exactly the answer a new check would give, whatever membership is in force
 * (which CAs count is decided by the caller); it spares one signature check per transaction, as
 * the same few client certificates sign most proposals and requests. The chaincode, the embedded
 * ledger and the node all check issuers on their hot paths, through this one class. Bounded (least recently used out) and
 * thread-safe.
 */
public final class IssuanceCache {

    private final Map<String, Boolean> answers;

    /** @param capacity how many (certificate, CA) answers to keep */
    public IssuanceCache(int capacity) {
        this.answers = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Whether {@code ca} issued {@code certificate} (see {@link Certificates#verifyIssuedBy}). */
    public boolean issuedBy(X509Certificate certificate, X509Certificate ca) {
        String pair = Certificates.fingerprint(certificate) + "/" + Certificates.fingerprint(ca);
        synchronized (answers) {
            Boolean known = answers.get(pair);
            if (known != null) {
                return known;
            }
        }
        boolean issued;
        try {
            Certificates.verifyIssuedBy(certificate, ca);
            issued = true;
        } catch (CertificateException e) {
            issued = false;
        }
        synchronized (answers) {
            answers.put(pair, issued);
        }
        return issued;
    }

    /** How many answers are remembered. */
    public int size() {
        synchronized (answers) {
            return answers.size();
        }
    }
}
