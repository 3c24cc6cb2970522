package org.qcchain.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.qcchain.common.auth.RequestSigner;
import org.qcchain.common.auth.SignatureHeaders;
import org.qcchain.common.crypto.Identity;
import org.qcchain.node.auth.OrganisationDirectory;
import org.qcchain.node.config.NodeConfig;

/** A real node on a loopback port and a WebClient that signs like a real client. */
final class TestNode {

    final NodeServer server;
    final WebClient client;

    private TestNode(NodeServer server, WebClient client) {
        this.server = server;
        this.client = client;
    }

    /** Starts a plain-HTTP node on a free port with the default limits. */
    static TestNode start(Vertx vertx, OrganisationDirectory directory) {
        return start(vertx, plainConfig(), directory, new WebClientOptions());
    }

    static TestNode start(Vertx vertx, NodeConfig config, OrganisationDirectory directory,
            WebClientOptions clientOptions) {
        NodeServer server = await(NodeServer.start(vertx, config, directory));
        return new TestNode(server, WebClient.create(vertx, clientOptions));
    }

    /** The same node, with another client (for example one presenting another TLS certificate). */
    TestNode withClient(Vertx vertx, WebClientOptions clientOptions) {
        return new TestNode(server, WebClient.create(vertx, clientOptions));
    }

    static NodeConfig plainConfig() {
        NodeConfig d = NodeConfig.defaults();
        return new NodeConfig(d.dataDir(), new NodeConfig.Http("127.0.0.1", 0), d.tls(),
                d.cryptoSuite(), d.ledger(), new NodeConfig.Limits(4096, 200, 50), d.auth(),
                d.organisations());
    }

    HttpRequest<Buffer> request(HttpMethod method, String target) {
        return client.request(method, server.port(), "127.0.0.1", target);
    }

    /** Sends a request signed now by {@code identity} for {@code mspId}. */
    HttpResponse<Buffer> signed(Identity identity, String mspId, HttpMethod method, String target,
            String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SignatureHeaders headers = RequestSigner.create(mspId, identity).sign(method.name(), target,
                bytes);
        return send(method, target, headers, body);
    }

    /** Sends a request with a given timestamp and nonce. */
    HttpResponse<Buffer> signedAt(Identity identity, String mspId, HttpMethod method,
            String target, String body, Instant timestamp, String nonce) {
        SignatureHeaders headers = RequestSigner.create(mspId, identity).sign(method.name(), target,
                body.getBytes(StandardCharsets.UTF_8), timestamp, nonce);
        return send(method, target, headers, body);
    }

    HttpResponse<Buffer> send(HttpMethod method, String target, SignatureHeaders headers,
            String body) {
        HttpRequest<Buffer> request = request(method, target);
        headers.asMap().forEach(request::putHeader);
        if (!body.isEmpty()) {
            request.putHeader("Content-Type", "application/json");
        }
        return await(request.sendBuffer(Buffer.buffer(body)));
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("future did not complete: " + e, e);
        }
    }

    /** Asserts a problem document with the code and status, and no trace of Java inside. */
    static JsonObject assertProblem(HttpResponse<Buffer> response, int status, String code) {
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
        String text = response.bodyAsString();
        assertThat(text).doesNotContain("Exception", "\tat ", "org.qcchain", "io.vertx");
        JsonObject problem = new JsonObject(text);
        assertThat(problem.getString("code")).as(text).isEqualTo(code);
        assertThat(response.statusCode()).as(text).isEqualTo(status);
        assertThat(problem.getInteger("status")).isEqualTo(status);
        assertThat(problem.getString("type")).isEqualTo("urn:qcchain:error:" + code);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).isNotBlank();
        assertThat(problem.getString("instance"))
                .isEqualTo("urn:qcchain:request:" + response.getHeader("X-Qc-Request-Id"));
        return problem;
    }
}
