package org.qcchain.node.auth;

import java.security.cert.X509Certificate;
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

    private TlsClientBinding() {}

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
}
