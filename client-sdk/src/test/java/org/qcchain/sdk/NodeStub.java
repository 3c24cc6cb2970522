package org.qcchain.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.qcchain.common.auth.RequestAuthenticationException;
import org.qcchain.common.auth.RequestVerifier;
import org.qcchain.common.auth.SignatureHeaders;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Pem;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.CanonicalJson;
import org.qcchain.common.json.Json;

/**
 * A real HTTP server on a loopback port that checks every request's signature headers with common's
 * RequestVerifier, as the node does (a data request without them by its own signature), and answers from per-route handlers or with problem+json.
 */
final class NodeStub implements AutoCloseable {

    /** A route's answer: status and body. */
    record Reply(int status, String body) {}

    private final HttpServer server;
    private final RequestVerifier verifier;
    private final Map<String, Function<String, Reply>> routes = new ConcurrentHashMap<>();
    final List<String> targets = new ArrayList<>();
    /** The data requests authenticated by their own signature, without signature headers. */
    final List<String> bodySigned = new ArrayList<>();
    private static final String DATA_REQUEST = "POST " + Routes.DATA_REQUESTS;

    NodeStub(CryptoSuite suite) throws IOException {
        this.verifier = RequestVerifier.create(suite, Duration.ofMinutes(5));
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** @param methodAndPath e.g. "POST /v1/data-requests" */
    NodeStub on(String methodAndPath, Function<String, Reply> handler) {
        routes.put(methodAndPath, handler);
        return this;
    }

    static Reply problem(int status, String code, String detail, String accessId) {
        String extra = accessId == null ? "" : ",\"accessId\":\"" + accessId + "\"";
        return new Reply(status, "{\"type\":\"urn:qcchain:error:" + code + "\",\"status\":" + status + ",\"code\":\""
                + code + "\",\"detail\":\"" + detail + "\"" + extra + "}");
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        synchronized (targets) {
            targets.add(exchange.getRequestMethod() + " " + target);
        }
        Reply reply;
        try {
            if (DATA_REQUEST.equals(exchange.getRequestMethod() + " " + target)
                    && exchange.getRequestHeaders().getFirst(SignatureHeaders.SIGNATURE) == null) {
                verifyBodySignature(body);
                synchronized (targets) {
                    bodySigned.add(DATA_REQUEST);
                }
            } else {
                SignatureHeaders headers = SignatureHeaders.parse(exchange.getRequestHeaders()::getFirst);
                verifier.verify(exchange.getRequestMethod(), target, body, headers, Instant.now());
            }
            Function<String, Reply> route = routes.get(exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getRawPath());
            reply = route == null ? problem(404, "ROUTE_NOT_FOUND", "no such route", null)
                    : route.apply(new String(body, StandardCharsets.UTF_8));
        } catch (RequestAuthenticationException e) {
            reply = problem(e.errorCode().httpStatus(), e.errorCode().code(), "refused", null);
        }
        byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                reply.status() < 300 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(reply.status(), out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }

    /** As the node does for a data request sent without signature headers: its own signature authenticates it. */
    private void verifyBodySignature(byte[] body) throws RequestAuthenticationException {
        JsonNode signed = Json.tree(new String(body, StandardCharsets.UTF_8));
        JsonNode request = signed.path("request");
        X509Certificate certificate;
        try {
            certificate = Pem.parseCertificate(signed.path("certificate").asText());
        } catch (CertificateException e) {
            throw new RequestAuthenticationException(ErrorCode.CERTIFICATE_UNTRUSTED, "no certificate", e);
        }
        verifier.verifySignedMessage(certificate, Instant.parse(request.path("timestamp").asText()),
                CanonicalJson.serializeUtf8(request), Base64.getDecoder().decode(signed.path("signature").asText()),
                Instant.now());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
