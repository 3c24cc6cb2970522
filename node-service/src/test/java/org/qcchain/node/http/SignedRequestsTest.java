package org.qcchain.node.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qcchain.node.http.TestNode.assertProblem;
import static org.qcchain.node.http.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qcchain.common.auth.RequestSigner;
import org.qcchain.common.auth.SignatureHeaders;

@ExtendWith(VertxExtension.class)
@Timeout(30)
class SignedRequestsTest {

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

    @Test
    void accepts_a_signed_request_and_names_the_caller() {
        HttpResponse<Buffer> response =
                node.signed(network.bankTeller, "BankMSP", HttpMethod.GET, "/v1/whoami", "");

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        JsonObject whoami = response.bodyAsJsonObject();
        assertThat(whoami.getString("mspId")).isEqualTo("BankMSP");
        assertThat(whoami.getJsonArray("roles").getList()).containsExactly("CONSUMER");
        assertThat(whoami.getString("subject")).startsWith("CN=teller");
        assertThat(whoami.getString("cryptoSuite")).isEqualTo("P256_SHA256");
    }

    @Test
    void refuses_a_request_without_signature_headers() {
        HttpResponse<Buffer> response = await(node.request(HttpMethod.GET, "/v1/whoami").send());

        JsonObject problem = assertProblem(response, 401, "BAD_SIGNATURE");
        assertThat(problem.getString("detail")).contains("missing header X-Qc-Msp");
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("QCCHAIN-REQ-1");
    }

    @Test
    void refuses_a_signature_made_for_another_path() {
        SignatureHeaders headers = RequestSigner.create("BankMSP", network.bankTeller)
                .sign("GET", "/v1/node", new byte[0]);

        assertProblem(node.send(HttpMethod.GET, "/v1/whoami", headers, ""), 401, "BAD_SIGNATURE");
    }

    @Test
    void refuses_a_tampered_signature() {
        SignatureHeaders headers = RequestSigner.create("BankMSP", network.bankTeller)
                .sign("GET", "/v1/whoami", new byte[0]);
        Map<String, String> tampered = new HashMap<>(headers.asMap());
        tampered.put(SignatureHeaders.SIGNATURE,
                RequestSigner.create("BankMSP", network.bankTeller).sign("GET", "/v1/other",
                        new byte[0]).asMap().get(SignatureHeaders.SIGNATURE));
        HttpRequest<Buffer> request = node.request(HttpMethod.GET, "/v1/whoami");
        tampered.forEach(request::putHeader);

        assertProblem(await(request.send()), 401, "BAD_SIGNATURE");
    }

    @Test
    void refuses_a_certificate_from_a_ca_of_another_organisation() {
        HttpResponse<Buffer> insurerAsBank =
                node.signed(network.insurerClerk, "BankMSP", HttpMethod.GET, "/v1/whoami", "");
        HttpResponse<Buffer> rogueAsBank =
                node.signed(network.rogueTeller, "BankMSP", HttpMethod.GET, "/v1/whoami", "");

        assertProblem(insurerAsBank, 401, "CERTIFICATE_UNTRUSTED");
        assertProblem(rogueAsBank, 401, "CERTIFICATE_UNTRUSTED");
    }

    @Test
    void refuses_an_organisation_that_is_not_registered() {
        HttpResponse<Buffer> response =
                node.signed(network.rogueTeller, "RogueMSP", HttpMethod.GET, "/v1/whoami", "");

        assertProblem(response, 403, "ORGANISATION_NOT_REGISTERED");
    }

    @Test
    void refuses_an_expired_certificate() {
        HttpResponse<Buffer> response =
                node.signed(network.expiredTeller, "BankMSP", HttpMethod.GET, "/v1/whoami", "");

        assertProblem(response, 401, "CERTIFICATE_EXPIRED");
    }

    @Test
    void refuses_a_stale_timestamp() {
        HttpResponse<Buffer> response = node.signedAt(network.bankTeller, "BankMSP", HttpMethod.GET,
                "/v1/whoami", "", Instant.now().minus(Duration.ofMinutes(10)), "stale-nonce-000000001");

        assertProblem(response, 401, "REQUEST_STALE");
    }

    @Test
    void refuses_a_replayed_nonce() {
        SignatureHeaders headers = RequestSigner.create("BankMSP", network.bankTeller)
                .sign("POST", "/v1/echo", "{\"message\":\"pay\"}".getBytes(StandardCharsets.UTF_8));

        HttpResponse<Buffer> first = node.send(HttpMethod.POST, "/v1/echo", headers, "{\"message\":\"pay\"}");
        HttpResponse<Buffer> replay = node.send(HttpMethod.POST, "/v1/echo", headers, "{\"message\":\"pay\"}");

        assertThat(first.statusCode()).as(first.bodyAsString()).isEqualTo(200);
        assertProblem(replay, 409, "REQUEST_REPLAYED");
    }

    @Test
    void refuses_a_caller_without_the_role_of_the_route() {
        HttpResponse<Buffer> bank =
                node.signed(network.bankTeller, "BankMSP", HttpMethod.GET, "/v1/node", "");
        HttpResponse<Buffer> bureau =
                node.signed(network.bureauAdmin, "BureauMSP", HttpMethod.GET, "/v1/node", "");

        JsonObject problem = assertProblem(bank, 403, "NOT_AUTHORIZED");
        assertThat(problem.getString("detail")).contains("OPERATOR", "AUDITOR");
        assertThat(bureau.statusCode()).as(bureau.bodyAsString()).isEqualTo(200);
        assertThat(bureau.bodyAsJsonObject().getString("cryptoSuite")).isEqualTo("P256_SHA256");
    }
}
