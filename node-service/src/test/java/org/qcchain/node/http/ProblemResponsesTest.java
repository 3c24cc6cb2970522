package org.qcchain.node.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qcchain.node.http.TestNode.assertProblem;
import static org.qcchain.node.http.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qcchain.common.auth.RequestSigner;
import org.qcchain.common.auth.SignatureHeaders;

@ExtendWith(VertxExtension.class)
@Timeout(30)
class ProblemResponsesTest {

    static TestNetwork network;
    TestNode node;

    @BeforeAll
    static void certificates() {
        network = new TestNetwork();
    }

    @BeforeEach
    void start(Vertx vertx) {
        node = TestNode.start(vertx, network.directory);
    }

    HttpResponse<Buffer> echo(String body) {
        return node.signed(network.bankTeller, "BankMSP", HttpMethod.POST, "/v1/echo", body);
    }

    @Test
    void echoes_a_well_formed_signed_body() {
        HttpResponse<Buffer> response = echo("{\"message\":\"你好\",\"sequence\":7}");

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        JsonObject echo = response.bodyAsJsonObject();
        assertThat(echo.getString("caller")).isEqualTo("BankMSP");
        assertThat(echo.getString("message")).isEqualTo("你好");
        assertThat(echo.getLong("sequence")).isEqualTo(7L);
        assertThat(echo.getString("bodyDigest")).hasSize(64);
    }

    @Test
    void answers_malformed_json_with_invalid_argument() {
        JsonObject problem = assertProblem(echo("{\"message\": "), 400, "INVALID_ARGUMENT");

        assertThat(problem.getString("detail")).contains("unexpected end of input");
    }

    @Test
    void answers_an_unknown_field_with_invalid_argument_and_its_pointer() {
        JsonObject problem = assertProblem(echo("{\"message\":\"x\",\"admin\":true}"), 400,
                "INVALID_ARGUMENT");

        assertThat(problem.getString("detail")).contains("unknown field 'admin'");
        assertThat(problem.getString("pointer")).isEqualTo("/admin");
    }

    @Test
    void answers_a_wrong_type_with_invalid_argument() {
        JsonObject problem = assertProblem(echo("{\"message\":12}"), 400, "INVALID_ARGUMENT");

        assertThat(problem.getString("detail")).contains("expected a string");
    }

    @Test
    void answers_an_invalid_value_with_invalid_argument() {
        JsonObject problem = assertProblem(echo("{\"message\":\"\"}"), 400, "INVALID_ARGUMENT");

        assertThat(problem.getString("detail")).contains("1 to 1000 characters");
    }

    @Test
    void answers_an_oversized_body_with_413() {
        String big = "{\"message\":\"" + "x".repeat(8000) + "\"}";

        assertProblem(echo(big), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void answers_a_body_that_is_not_json_with_415() {
        byte[] body = "message=hello".getBytes(StandardCharsets.UTF_8);
        SignatureHeaders headers = RequestSigner.create("BankMSP", network.bankTeller)
                .sign("POST", "/v1/echo", body);
        var request = node.request(HttpMethod.POST, "/v1/echo")
                .putHeader("Content-Type", "application/x-www-form-urlencoded");
        headers.asMap().forEach(request::putHeader);

        JsonObject problem = assertProblem(await(request.sendBuffer(Buffer.buffer(body))), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertThat(problem.getString("detail")).contains("application/x-www-form-urlencoded");
    }

    @Test
    void answers_an_unknown_route_with_404() {
        assertProblem(await(node.request(HttpMethod.GET, "/v1/nothing-here").send()), 404,
                "ROUTE_NOT_FOUND");
    }

    @Test
    void answers_a_wrong_method_with_405() {
        assertProblem(await(node.request(HttpMethod.DELETE, "/health").send()), 405,
                "METHOD_NOT_ALLOWED");
    }
}
