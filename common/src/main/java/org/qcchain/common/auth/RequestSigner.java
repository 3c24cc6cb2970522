package org.qcchain.common.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import org.qcchain.common.crypto.Identity;

/**
 * Signs HTTP requests for a qcchain node with an organisation member's {@link Identity}. The
 * body digest uses the suite of the identity's certificate, which must be the network's suite.
 *
 * <pre>{@code
 * RequestSigner signer = RequestSigner.create("BankMSP", bankIdentity);
 * byte[] body = Json.write(request).getBytes(UTF_8);
 * SignatureHeaders headers = signer.sign("POST", "/v1/echo", body);
 * headers.asMap().forEach(builder::header);
 * }</pre>
 *
 * <p>Thread-safe. Every call draws a fresh 128-bit nonce, so a signed request is good for exactly
 * one use: sign again to retry.
 */
public final class RequestSigner {

    private static final int NONCE_BYTES = 16;

    private final String mspId;
    private final Identity identity;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private RequestSigner(String mspId, Identity identity, Clock clock) {
        this.mspId = mspId;
        this.identity = identity;
        this.clock = clock;
    }

    /**
     * A signer that timestamps with the system clock.
     *
     * @param mspId the MSP id of the identity's organisation
     * @param identity the certificate and key to sign with
     * @return the signer
     */
    public static RequestSigner create(String mspId, Identity identity) {
        return create(mspId, identity, Clock.systemUTC());
    }

    /**
     * A signer that timestamps with {@code clock}.
     *
     * @param mspId the MSP id of the identity's organisation
     * @param identity the certificate and key to sign with
     * @param clock where timestamps come from
     * @return the signer
     */
    public static RequestSigner create(String mspId, Identity identity, Clock clock) {
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(clock, "clock");
        return new RequestSigner(mspId, identity, clock);
    }

    /**
     * Signs a request now, with a fresh nonce.
     *
     * @param method HTTP method, e.g. {@code "POST"}
     * @param pathAndQuery the request target exactly as it will be sent
     * @param body the body bytes exactly as they will be sent; empty for none
     * @return the headers to add to the request
     * @throws IllegalArgumentException if a component is malformed (see {@link RequestSignature})
     */
    public SignatureHeaders sign(String method, String pathAndQuery, byte[] body) {
        return sign(method, pathAndQuery, body, clock.instant(), newNonce());
    }

    /**
     * Signs a request with a given timestamp and nonce, e.g. to reproduce a request in a test.
     *
     * @param method HTTP method
     * @param pathAndQuery the request target exactly as it will be sent
     * @param body the body bytes exactly as they will be sent; empty for none
     * @param timestamp the moment of signing
     * @param nonce 16 to 128 characters of {@code [A-Za-z0-9_-]}
     * @return the headers to add to the request
     * @throws IllegalArgumentException if a component is malformed
     */
    public SignatureHeaders sign(String method, String pathAndQuery, byte[] body, Instant timestamp,
            String nonce) {
        RequestSignature toSign = RequestSignature.of(identity.suite(), method, pathAndQuery,
                RequestSignature.formatTimestamp(timestamp), nonce, body, mspId);
        return SignatureHeaders.of(toSign, identity.certificate(), identity.sign(toSign.bytesToSign()));
    }

    private String newNonce() {
        byte[] bytes = new byte[NONCE_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "RequestSigner[" + mspId + ", " + identity + "]";
    }
}
