package org.qcchain.node.auth;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import org.qcchain.chaincode.model.AccessRequest;
import org.qcchain.chaincode.model.SignedAccessRequest;
import org.qcchain.common.auth.RequestAuthenticationException;
import org.qcchain.common.auth.RequestSignature;
import org.qcchain.common.auth.RequestVerifier;
import org.qcchain.common.auth.SignatureHeaders;
import org.qcchain.common.crypto.ParsedCertificates;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.node.ApiException;

/**
 * Authenticates {@code POST /v1/data-requests} by the signature the data request carries itself.
 * A {@code SignedAccessRequest} is signed by the consumer over its canonical JSON, names its
 * certificate, its signing time and a nonce, and goes on the ledger as it is: it authenticates the
 * call as well as the HTTP signature headers would, and checking it here instead of both spares one
 * signature check per request (the chaincode, in this process, finds it verified already: {@link
 * org.qcchain.common.crypto.VerifiedSignatures}).
 *
 * <p>The checks are those of {@link SignedRequestHandler}, in the same order, on the request's own
 * fields: suite, signing time within the skew window, certificate validity and signature; the
 * consumer organisation registered and the issuer of the certificate; a TLS client certificate, if
 * any, of the same organisation; the request's nonce not seen before (in a namespace of its own in
 * the {@link NonceCache}, so a replay is refused here, before it reaches the ledger). A call that
 * carries any {@code X-Qc-*} header is authenticated by them, by {@link SignedRequestHandler},
 * and the request's own signature is left to the chaincode.
 *
 * <p>Puts the {@link Caller} and the parsed request ({@link #REQUEST_KEY}) on the routing context.
 * Needs the body, so a {@code BodyHandler} runs first; the checks run on a worker thread.
 */
public final class SignedDataRequestHandler implements Handler<RoutingContext> {

    /** Routing-context key of the {@link SignedAccessRequest} read from the body, once authenticated. */
    public static final String REQUEST_KEY = "qcchain.signedAccessRequest";

    /** Keeps data-request nonces apart from the nonces of signed HTTP calls. */
    private static final String NONCE_NAMESPACE = "access-request:";
    private static final int MAX_SIGNATURE_CHARS = 1024;

    private final SignedRequestHandler signedHeaders;
    private final RequestVerifier verifier;
    private final NonceCache nonces;
    private final Clock clock;

    /**
     * Creates the handler.
     *
     * @param signedHeaders authenticates the calls that carry signature headers, and says which
     *     organisation a certificate speaks for
     * @param verifier the network's verifier, with its skew window
     * @param nonces the replay cache shared by all routes
     * @param clock the node's clock
     */
    public SignedDataRequestHandler(SignedRequestHandler signedHeaders, RequestVerifier verifier,
            NonceCache nonces, Clock clock) {
        this.signedHeaders = Objects.requireNonNull(signedHeaders, "signedHeaders");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (SignatureHeaders.NAMES.stream().anyMatch(name -> request.getHeader(name) != null)) {
            signedHeaders.handle(ctx);
            return;
        }
        Buffer buffer = ctx.body().buffer();
        byte[] body = buffer == null ? new byte[0] : buffer.getBytes();
        ctx.vertx().executeBlocking(() -> {
            SignedAccessRequest signed = Json.parse(body, SignedAccessRequest.class);
            return new Authenticated(signed, authenticate(request, signed));
        }, false)
                .onSuccess(authenticated -> {
                    ctx.put(REQUEST_KEY, authenticated.request());
                    ctx.put(Caller.CONTEXT_KEY, authenticated.caller());
                    ctx.next();
                })
                .onFailure(ctx::fail);
    }

    /** What the worker hands back to the event loop, which alone writes the routing context. */
    private record Authenticated(SignedAccessRequest request, Caller caller) {}

    private Caller authenticate(HttpServerRequest http, SignedAccessRequest signed)
            throws RequestAuthenticationException {
        AccessRequest request = signed.request();
        if (request == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "request is required");
        }
        X509Certificate certificate = certificate(signed.certificate());
        Instant signedAt = signingTime(request.timestamp());
        Instant now = clock.instant();
        verifier.verifySignedMessage(certificate, signedAt, Json.canonicalBytes(request),
                signature(signed.signature()), now);
        String mspId = request.consumerMspId() == null ? "" : request.consumerMspId();
        Organisation organisation = signedHeaders.speakingFor(mspId, certificate, http);
        if (request.nonce() == null || request.nonce().isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "request.nonce is required");
        }
        nonces.use(organisation.mspId(), NONCE_NAMESPACE + request.nonce(),
                signedAt.plus(verifier.maxClockSkew()), now);
        return new Caller(organisation.mspId(), organisation.roles(), certificate);
    }

    private static X509Certificate certificate(String pem) {
        if (pem == null || pem.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "certificate is required: the PEM certificate "
                    + "the request is signed with (or sign the call with the X-Qc-* headers)");
        }
        try {
            return ParsedCertificates.parse(pem);
        } catch (CertificateException e) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "certificate is not one PEM certificate");
        }
    }

    private static Instant signingTime(String timestamp) {
        if (timestamp == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "request.timestamp is required");
        }
        try {
            return RequestSignature.parseTimestamp(timestamp);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "request." + e.getMessage());
        }
    }

    private static byte[] signature(String base64) throws RequestAuthenticationException {
        if (base64 == null || base64.isEmpty() || base64.length() > MAX_SIGNATURE_CHARS) {
            throw new RequestAuthenticationException(ErrorCode.BAD_SIGNATURE,
                    "signature is missing or too long: sign the request, or the call with the X-Qc-* headers");
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new RequestAuthenticationException(ErrorCode.BAD_SIGNATURE, "signature is not base64", e);
        }
    }
}
