package org.qcchain.common.auth;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.qcchain.common.crypto.Certificates;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.InvalidSignatureException;
import org.qcchain.common.crypto.VerifiedSignatures;
import org.qcchain.common.error.ErrorCode;

/** The checks of {@link RequestVerifier}, cheapest first, the signature last. */
final class RequestVerifierImpl implements RequestVerifier {

    private final CryptoSuite suite;
    private final Duration maxClockSkew;

    RequestVerifierImpl(CryptoSuite suite, Duration maxClockSkew) {
        this.suite = suite;
        this.maxClockSkew = maxClockSkew;
    }

    @Override
    public void verify(String method, String pathAndQuery, byte[] body, SignatureHeaders headers,
            Instant now) throws RequestAuthenticationException {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(now, "now");
        X509Certificate certificate = headers.certificate();
        checkSuite(certificate);
        checkFresh(headers.timestamp(), now);
        checkValid(certificate, now);
        RequestSignature canonical = canonical(method, pathAndQuery, body, headers);
        try {
            suite.verify(certificate.getPublicKey(), canonical.bytesToSign(), headers.signature());
        } catch (InvalidSignatureException e) {
            throw new RequestAuthenticationException(ErrorCode.BAD_SIGNATURE,
                    "signature does not verify over the canonical request ("
                            + e.reason().name().toLowerCase(Locale.ROOT) + ")", e);
        }
    }

    @Override
    public void verifySignedMessage(X509Certificate certificate, Instant timestamp, byte[] signedBytes,
            byte[] signature, Instant now) throws RequestAuthenticationException {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(signedBytes, "signedBytes");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(now, "now");
        checkSuite(certificate);
        checkFresh(timestamp, now);
        checkValid(certificate, now);
        try {
            VerifiedSignatures.verify(suite, certificate, signedBytes, signature);
        } catch (InvalidSignatureException e) {
            throw new RequestAuthenticationException(ErrorCode.BAD_SIGNATURE,
                    "signature does not verify over the signed message ("
                            + e.reason().name().toLowerCase(Locale.ROOT) + ")", e);
        }
    }

    @Override
    public CryptoSuite suite() {
        return suite;
    }

    @Override
    public Duration maxClockSkew() {
        return maxClockSkew;
    }

    private void checkSuite(X509Certificate certificate) throws RequestAuthenticationException {
        CryptoSuite actual;
        try {
            actual = Certificates.suiteOf(certificate);
        } catch (IllegalArgumentException e) {
            throw new RequestAuthenticationException(ErrorCode.CERTIFICATE_UNTRUSTED,
                    "certificate key belongs to no crypto suite; this network uses " + suite, e);
        }
        if (actual != suite) {
            throw new RequestAuthenticationException(ErrorCode.CERTIFICATE_UNTRUSTED,
                    "certificate is of suite " + actual + "; this network uses " + suite);
        }
    }

    private void checkFresh(Instant timestamp, Instant now) throws RequestAuthenticationException {
        Duration offset = Duration.between(now, timestamp).abs();
        if (offset.compareTo(maxClockSkew) > 0) {
            throw new RequestAuthenticationException(ErrorCode.REQUEST_STALE,
                    "timestamp " + timestamp + " is " + offset.toSeconds() + " s away from the node's "
                            + "time " + now + "; at most " + maxClockSkew.toSeconds() + " s allowed");
        }
    }

    private static void checkValid(X509Certificate certificate, Instant now)
            throws RequestAuthenticationException {
        try {
            Certificates.checkValidAt(certificate, now);
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new RequestAuthenticationException(ErrorCode.CERTIFICATE_EXPIRED, e.getMessage(), e);
        }
    }

    private RequestSignature canonical(String method, String pathAndQuery, byte[] body,
            SignatureHeaders headers) throws RequestAuthenticationException {
        try {
            return RequestSignature.of(suite, method, pathAndQuery, headers.timestampText(),
                    headers.nonce(), body, headers.mspId());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RequestAuthenticationException(ErrorCode.BAD_SIGNATURE,
                    "request cannot be signed as sent: " + e.getMessage(), e);
        }
    }
}
