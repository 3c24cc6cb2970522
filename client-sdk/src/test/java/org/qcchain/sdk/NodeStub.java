package org.qcchain.sdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.qcchain.common.auth.RequestAuthenticationException;
import org.qcchain.common.auth.RequestVerifier;
import org.qcchain.common.auth.SignatureHeaders;
import org.qcchain.common.crypto.CryptoSuite;

/**
 * A real HTTP server on a loopback port that checks every request's signature headers with common's
 * RequestVerifier, as the node does, and answers from per-route handlers or with problem+json.
 */
final class NodeStub implements AutoCloseable {

    /** A route's answer: status and body. */
    record Reply(int status, String body) {}

    private final HttpServer server;
    private final RequestVerifier verifier;
    private final Map<String, Function<String, Reply>> routes = new ConcurrentHashMap<>();
    final List<String> targets = new ArrayList<>();

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
            SignatureHeaders headers = SignatureHeaders.parse(exchange.getRequestHeaders()::getFirst);
            verifier.verify(exchange.getRequestMethod(), target, body, headers, Instant.now());
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

    @Override
    public void close() {
        server.stop(0);
    }
}
