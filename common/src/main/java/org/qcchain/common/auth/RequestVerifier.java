package org.qcchain.common.auth;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.VerifiedSignatures;

/**
 * Verifies a signed request: the certificate is of the network's suite and valid now, the
 * timestamp is within the allowed clock skew of now, and the signature over the
 * {@link RequestSignature canonical string} verifies with the certificate's key.
 *
 * <pre>{@code
 * RequestVerifier verifier = RequestVerifier.create(CryptoSuite.SM2_SM3, Duration.ofMinutes(5));
 * SignatureHeaders headers = SignatureHeaders.parse(request::getHeader);
 * verifier.verify("POST", "/v1/echo", body, headers, Instant.now());   // throws on failure
 * }</pre>
 *
 * <p>Two checks belong to the caller, because they need state this library does not have: that
 * the nonce was not seen within the skew window (a replay cache), and that the certificate was
 * issued by a CA of the organisation in {@link SignatureHeaders#mspId()} (the organisation
 * registry).
 */
public interface RequestVerifier {

    /**
     * Creates a verifier.
     *
     * @param suite the network's suite: certificates of another suite are refused
     * @param maxClockSkew how far a request's timestamp may lie before or after now; at least one
     *     second and at most one hour
     * @return a thread-safe verifier
     * @throws IllegalArgumentException if the skew is out of range
     */
    static RequestVerifier create(CryptoSuite suite, Duration maxClockSkew) {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(maxClockSkew, "maxClockSkew");
        if (maxClockSkew.compareTo(Duration.ofSeconds(1)) < 0
                || maxClockSkew.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException(
                    "maxClockSkew must be between 1 second and 1 hour, was " + maxClockSkew);
        }
        return new RequestVerifierImpl(suite, maxClockSkew);
    }

    /**
     * Returns normally only if the request is authentic and fresh.
     *
     * @param method the HTTP method received
     * @param pathAndQuery the request target received, verbatim
     * @param body the body bytes received, empty for none
     * @param headers the parsed signature headers
     * @param now the verifier's current time
     * @throws RequestAuthenticationException {@code CERTIFICATE_UNTRUSTED} (wrong suite),
     *     {@code REQUEST_STALE}, {@code CERTIFICATE_EXPIRED} or {@code BAD_SIGNATURE}
     */
    void verify(String method, String pathAndQuery, byte[] body, SignatureHeaders headers,
            Instant now) throws RequestAuthenticationException;

    /**
     * Returns normally only if a message that carries its own signature, timestamp and certificate
     * (a consumer's signed data request) is authentic and fresh: the same checks as {@link
     * #verify}, over the message's own signed bytes instead of the canonical HTTP request. A
     * signature verified here is remembered ({@link VerifiedSignatures}), so the chaincode does not
     * compute it again when the request reaches it in this process.
     *
     * @param certificate the certificate the message names
     * @param timestamp the time the message says it was signed
     * @param signedBytes the bytes the signature covers
     * @param signature the DER signature
     * @param now the verifier's current time
     * @throws RequestAuthenticationException {@code CERTIFICATE_UNTRUSTED} (wrong suite),
     *     {@code REQUEST_STALE}, {@code CERTIFICATE_EXPIRED} or {@code BAD_SIGNATURE}
     */
    void verifySignedMessage(X509Certificate certificate, Instant timestamp, byte[] signedBytes,
            byte[] signature, Instant now) throws RequestAuthenticationException;

    /**
     * The suite this verifier accepts.
     *
     * @return the network's suite
     */
    CryptoSuite suite();

    /**
     * How far a timestamp may lie from now; a replay cache must remember nonces at least twice
     * this long.
     *
     * @return the skew window
     */
    Duration maxClockSkew();
}
