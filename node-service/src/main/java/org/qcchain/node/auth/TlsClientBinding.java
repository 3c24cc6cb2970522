package org.qcchain.node.auth;

import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.qcchain.common.auth.RequestAuthenticationException;
import org.qcchain.common.crypto.Certificates;
import org.qcchain.common.crypto.IssuanceCache;
import org.qcchain.common.error.ErrorCode;

/**
 * The rule that ties mutual TLS to signed requests: when the caller presented a TLS client
 * certificate, a CA of the organisation named in the signed request ({@code X-Qc-Msp}) must have
 * issued it. The TLS certificate need not be the signing certificate (Fabric gives members
 * separate TLS and signing certificates), but both must speak for the same organisation, so a
 * member of one organisation cannot tunnel another organisation's signed requests.
 *
 * <p>Without a client certificate (TLS off, or client authentication optional and not used) the
 * signed request alone decides.
 */
final class TlsClientBinding {

    /** The name under which a TLS session keeps the client certificate read from it. */
    private static final String SESSION_VALUE = "org.qcchain.node.auth.clientCertificate";

    private TlsClientBinding() {}

    /**
     * The leaf certificate the TLS client presented, read once per TLS session and kept with it
     * ({@link SSLSession#putValue}): a kept-alive connection carries many requests, and the
     * session's certificates never change.
     *
     * @param session the connection's TLS session, or {@code null} for plain HTTP
     * @return the certificate, or {@code null} if none was presented
     */
    static X509Certificate clientCertificate(SSLSession session) throws RequestAuthenticationException {
        if (session == null) {
            return null;
        }
        if (session.getValue(SESSION_VALUE) instanceof Presented presented) {
            return presented.certificate();
        }
        Presented presented = new Presented(read(session));
        session.putValue(SESSION_VALUE, presented);
        return presented.certificate();
    }

    private static X509Certificate read(SSLSession session) throws RequestAuthenticationException {
        List<Certificate> chain;
        try {
            chain = List.of(session.getPeerCertificates());
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
        if (chain.isEmpty()) {
            return null;
        }
        try {
            // re-read with Bouncy Castle so SM2 keys and our issuer checks work on it
            return Certificates.parseDer(chain.get(0).getEncoded());
        } catch (CertificateException e) {
            throw new RequestAuthenticationException(ErrorCode.CERTIFICATE_UNTRUSTED,
                    "TLS client certificate cannot be read", e);
        }
    }

    /**
     * Applies the rule.
     *
     * @param tlsCertificate the TLS client certificate, or {@code null}
     * @param organisation the organisation of the signed request
     * @param issuers remembered issuer answers: the same few TLS certificates come with most requests,
     *     and each issuer check is a signature verification
     * @throws RequestAuthenticationException {@code CERTIFICATE_UNTRUSTED} if the TLS certificate
     *     belongs to another organisation
     */
    static void check(X509Certificate tlsCertificate, Organisation organisation, IssuanceCache issuers)
            throws RequestAuthenticationException {
        if (tlsCertificate != null && !organisation.issued(tlsCertificate, issuers)) {
            throw new RequestAuthenticationException(ErrorCode.CERTIFICATE_UNTRUSTED,
                    "TLS client certificate '" + Certificates.subjectDn(tlsCertificate)
                            + "' was not issued by a CA of " + organisation.mspId()
                            + ", the organisation that signed the request");
        }
    }

    /** What a session's client presented: a certificate, or {@code null} for none. */
    private record Presented(X509Certificate certificate) {}
}
