package org.qcchain.node.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qcchain.node.http.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(30)
class NodeEndpointsTest {

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
    void reports_health_without_authentication() {
        HttpResponse<Buffer> response = await(node.request(HttpMethod.GET, "/health").send());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject health = response.bodyAsJsonObject();
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getJsonObject("ledger").getString("backend")).isEqualTo("embedded");
    }

    @Test
    void counts_requests_by_route_and_status_in_prometheus_format() {
        await(node.request(HttpMethod.GET, "/health").send());
        await(node.request(HttpMethod.GET, "/health").send());
        await(node.request(HttpMethod.GET, "/v1/whoami").send());
        await(node.request(HttpMethod.GET, "/no/such/route").send());

        HttpResponse<Buffer> response = await(node.request(HttpMethod.GET, "/metrics").send());

        assertThat(response.getHeader("Content-Type")).startsWith("text/plain; version=0.0.4");
        assertThat(response.bodyAsString())
                .contains("# TYPE qcchain_http_requests_total counter")
                .contains("qcchain_http_requests_total{method=\"GET\",route=\"/health\",status=\"200\"} 2")
                .contains("qcchain_http_requests_total{method=\"GET\",route=\"/v1/whoami\",status=\"401\"} 1")
                .contains("qcchain_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"} 1")
                .contains("qcchain_http_request_duration_seconds_bucket{route=\"/health\",le=\"+Inf\"} 2")
                .contains("qcchain_http_request_duration_seconds_count{route=\"/health\"} 2")
                .doesNotContain("/no/such/route");
    }

    @Test
    void serves_the_openapi_contract() {
        HttpResponse<Buffer> response = await(node.request(HttpMethod.GET, "/openapi.yaml").send());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).startsWith("application/yaml");
        assertThat(response.body().getBytes()).isEqualTo(OpenApiHandler.read());
    }
}
