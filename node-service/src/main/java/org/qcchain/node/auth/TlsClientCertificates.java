package org.qcchain.node.auth;

import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.qcchain.common.auth.RequestAuthenticationException;
import org.qcchain.common.cache.LruCache;
import org.qcchain.common.crypto.Certificates;
import org.qcchain.common.error.ErrorCode;

/**
 * The leaf certificates TLS clients presented, each read once with Bouncy Castle: a kept-alive
 * connection carries many requests, and a few member certificates come with most of them. Keyed
 * by the certificate the TLS stack verified (equal when their encodings are), so a remembered
 * reading is exactly what reading it again would give, whatever session or connection it comes
 * on. Nothing is stored in the TLS session itself. Bounded (least recently used out) and
 * thread-safe.
 */
final class TlsClientCertificates {

    private final LruCache<Certificate, X509Certificate> read;

    /** @param capacity how many distinct certificates to remember */
    TlsClientCertificates(int capacity) {
        this.read = new LruCache<>(capacity);
    }

    /**
     * The leaf certificate the TLS client presented.
     *
     * @param session the connection's TLS session, or {@code null} for plain HTTP
     * @return the certificate, or {@code null} if none was presented
     * @throws RequestAuthenticationException {@code CERTIFICATE_UNTRUSTED} if it cannot be read
     */
    X509Certificate of(SSLSession session) throws RequestAuthenticationException {
        if (session == null) {
            return null;
        }
        Certificate[] chain;
        try {
            chain = session.getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
        if (chain.length == 0) {
            return null;
        }
        Certificate leaf = chain[0];
        X509Certificate known = read.get(leaf);
        if (known != null) {
            return known;
        }
        X509Certificate certificate;
        try {
            // re-read with Bouncy Castle so SM2 keys and our issuer checks work on it
            certificate = Certificates.parseDer(leaf.getEncoded());
        } catch (CertificateException e) {
            throw new RequestAuthenticationException(ErrorCode.CERTIFICATE_UNTRUSTED,
                    "TLS client certificate cannot be read", e);
        }
        read.put(leaf, certificate);
        return certificate;
    }
}
