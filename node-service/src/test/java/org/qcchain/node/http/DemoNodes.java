package org.qcchain.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.qcchain.common.auth.RequestSigner;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;
import org.qcchain.node.config.NodeConfig;
import org.qcchain.node.demo.DemoPlatform;
import org.qcchain.node.ledger.LedgerIdentity;

/**
 * Real nodes on loopback ports over a demo platform, as the end-to-end tests run them: one
 * configuration, one way to wait for Vert.x, one reading of a problem answer.
 */
public final class DemoNodes {

    private DemoNodes() {}

    /** The configuration of a node over the demo folder: defaults, P-256, a free loopback port. */
    public static NodeConfig config(Path folder) {
        return config(folder, NodeConfig.defaults().limits());
    }

    /** {@link #config(Path)} with other limits. */
    public static NodeConfig config(Path folder, NodeConfig.Limits limits) {
        return config(folder, limits, CryptoSuite.P256_SHA256);
    }

    /** {@link #config(Path)} with other limits and suite. */
    public static NodeConfig config(Path folder, NodeConfig.Limits limits, CryptoSuite suite) {
        NodeConfig d = NodeConfig.defaults();
        return new NodeConfig(folder.toString(), new NodeConfig.Http("127.0.0.1", 0), d.tls(),
                suite, d.ledger(), limits, d.auth(), List.of());
    }

    /** Starts a node over the demo ledger that answers data requests and submits as {@code submitter}. */
    public static NodeServer start(Vertx vertx, Path folder, DemoPlatform demo, LedgerIdentity submitter) {
        return await(NodeServer.start(vertx, config(folder, NodeConfig.defaults().limits(), demo.ledger().suite()),
                demo.directory(), NodeServices.of(demo.ledger(), submitter, demo.dataRequests())));
    }

    /**
     * POSTs {@code body} to a node on a loopback port, signed as {@code who} (QCCHAIN-REQ-1).
     *
     * @param contentType the Content-Type header, or {@code null} for none
     */
    public static HttpResponse<Buffer> signedPost(WebClient client, int port, LedgerIdentity who, String target,
            String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest<Buffer> request = client.request(HttpMethod.POST, port, "127.0.0.1", target);
        RequestSigner.create(who.mspId(), who.identity()).sign("POST", target, bytes).asMap()
                .forEach(request::putHeader);
        if (contentType != null) {
            request.putHeader("Content-Type", contentType);
        }
        return await(request.sendBuffer(Buffer.buffer(bytes)));
    }

    /** GETs {@code target} from a node on a loopback port, signed as {@code who} (QCCHAIN-REQ-1). */
    public static HttpResponse<Buffer> signedGet(WebClient client, int port, LedgerIdentity who, String target) {
        HttpRequest<Buffer> request = client.request(HttpMethod.GET, port, "127.0.0.1", target);
        RequestSigner.create(who.mspId(), who.identity()).sign("GET", target, new byte[0]).asMap()
                .forEach(request::putHeader);
        return await(request.send());
    }

    /** @return the future's result, within 60 s */
    public static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("future did not complete: " + e, e);
        }
    }

    /** Asserts a problem answer with the status and code, and returns its document. */
    public static JsonNode assertProblem(HttpResponse<Buffer> response, int status, String code) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
        JsonNode problem = Json.tree(response.bodyAsString());
        assertThat(problem.path("code").asText()).isEqualTo(code);
        return problem;
    }
}
