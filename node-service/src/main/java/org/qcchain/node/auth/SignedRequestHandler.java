package org.qcchain.node.auth;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.qcchain.common.auth.RequestAuthenticationException;
import org.qcchain.common.auth.RequestVerifier;
import org.qcchain.common.auth.SignatureHeaders;
import org.qcchain.common.crypto.Certificates;
import org.qcchain.common.crypto.IssuanceCache;
import org.qcchain.common.error.ErrorCode;

/**
 * Authenticates a signed request and puts its {@link Caller} on the routing context. In order:
 * the five {@code X-Qc-*} headers are read; the {@link RequestVerifier} checks suite, timestamp,
 * certificate validity and signature over method, request target and body; the organisation must
 * be registered and one of its CAs must have issued the certificate; a TLS client certificate, if
 * any, must belong to the same organisation ({@link TlsClientBinding}); the nonce must be new
 * ({@link NonceCache}). Any failure ends the request with the check's error code.
 *
 * <p>Needs the body, so a {@code BodyHandler} runs first. The signature check runs on a worker
 * thread: SM2 verification costs about a millisecond, too long for the event loop under load.
 */
public final class SignedRequestHandler implements Handler<RoutingContext> {

    /**
     * Issuer answers per (certificate, CA): a few member certificates sign most requests and come
     * as TLS client certificates with them.
     */
    private final IssuanceCache issuers = new IssuanceCache(10_000);
    /** TLS client certificates read once each: they come with every request of a connection. */
    private final TlsClientCertificates tlsCertificates = new TlsClientCertificates(1_000);

    private final RequestVerifier verifier;
    private final OrganisationDirectory directory;
    private final NonceCache nonces;
    private final Clock clock;

    /**
     * Creates the handler.
     *
     * @param verifier the network's verifier, with its skew window
     * @param directory the organisations
     * @param nonces the replay cache shared by all routes
     * @param clock the node's clock
     */
    public SignedRequestHandler(RequestVerifier verifier, OrganisationDirectory directory,
            NonceCache nonces, Clock clock) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String method = request.method().name();
        String target = request.uri();
        Buffer buffer = ctx.body().buffer();
        byte[] body = buffer == null ? new byte[0] : buffer.getBytes();
        ctx.vertx().executeBlocking(() -> authenticate(request, method, target, body), false)
                .onSuccess(caller -> {
                    ctx.put(Caller.CONTEXT_KEY, caller);
                    ctx.next();
                })
                .onFailure(ctx::fail);
    }

    /**
     * The organisation the certificate speaks for: registered, the issuer of the certificate, and
     * the owner of the TLS client certificate if one was presented.
     */
    Organisation speakingFor(String mspId, X509Certificate certificate, HttpServerRequest request)
            throws RequestAuthenticationException {
        Organisation organisation = directory.find(mspId).orElseThrow(() ->
                new RequestAuthenticationException(ErrorCode.ORGANISATION_NOT_REGISTERED,
                        "organisation " + mspId + " is not registered on this platform"));
        if (!organisation.issued(certificate, issuers)) {
            throw new RequestAuthenticationException(ErrorCode.CERTIFICATE_UNTRUSTED,
                    "certificate '" + Certificates.subjectDn(certificate)
                            + "' was not issued by a CA of " + organisation.mspId());
        }
        TlsClientBinding.check(tlsCertificates.of(request.sslSession()), organisation, issuers);
        return organisation;
    }

    private Caller authenticate(HttpServerRequest request, String method, String target, byte[] body)
            throws RequestAuthenticationException {
        SignatureHeaders headers = SignatureHeaders.parse(request::getHeader);
        Instant now = clock.instant();
        verifier.verify(method, target, body, headers, now);
        X509Certificate certificate = headers.certificate();
        Organisation organisation = speakingFor(headers.mspId(), certificate, request);
        nonces.use(organisation.mspId(), headers.nonce(),
                headers.timestamp().plus(verifier.maxClockSkew()), now);
        return new Caller(organisation.mspId(), organisation.roles(), certificate);
    }
}
