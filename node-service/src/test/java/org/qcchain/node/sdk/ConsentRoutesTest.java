package org.qcchain.node.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.common.auth.RequestSigner;
import org.qcchain.common.json.Json;
import org.qcchain.node.demo.DemoCatalogue;
import org.qcchain.node.demo.DemoOrganisation;
import org.qcchain.node.demo.DemoPki;
import org.qcchain.node.demo.DemoPlatform;
import org.qcchain.node.demo.DemoService;
import org.qcchain.node.http.DemoNodes;
import org.qcchain.node.http.NodeServer;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.sdk.ConsentBuilder;
import org.qcchain.sdk.QcchainClient;
import org.qcchain.sdk.verify.TrustAnchors;

/**
 * The catalogue and consent routes on the demo ledger, with the node run by the identity
 * provider's own organisation (its identity submits), the one case in which a node may record
 * and revoke consents (docs/api.md, "Writes on behalf of an organisation").
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ConsentRoutesTest {

    static final DemoService LOAN = DemoService.all().get(0);

    @TempDir
    static Path folder;
    static DemoPlatform demo;
    static Vertx vertx;
    static NodeServer appNode;

    @BeforeAll
    static void identityProvidersNode() throws Exception {
        demo = DemoPlatform.create(folder, 70, 7L, new PrintStream(OutputStream.nullOutputStream()));
        LedgerIdentity app = DemoPki.readClient(folder, DemoOrganisation.CITIZEN_APP);
        vertx = Vertx.vertx();
        appNode = DemoNodes.start(vertx, folder, demo, app);
    }

    @AfterAll
    static void stop() {
        RestartedDemoNode.await(vertx.close());
        demo.close();
    }

    @Test
    void the_identity_provider_records_lists_and_revokes_a_consent() throws Exception {
        QcchainClient app = QcchainClient.builder().endpoint(endpoint())
                .identity(DemoOrganisation.CITIZEN_APP, identity(DemoOrganisation.CITIZEN_APP).identity())
                .trustAnchors(anchors()).build();
        String subject = demo.subject(5);
        Instant now = Instant.now();

        JsonNode granted = app.grantConsent(new ConsentBuilder().consentId("consent-e2e-0005").subject(subject)
                .consumer(DemoOrganisation.BANK).purpose(LOAN.purpose())
                .item(DemoCatalogue.SOCIAL_INSURANCE, "employer").oneTime().dataLife("DAY", 30)
                .valid(now.minusSeconds(60), now.plus(Duration.ofDays(7))).build().unsigned());
        JsonNode listed = get(DemoOrganisation.CITIZEN_APP, "/v1/consents?subject=" + subject);
        JsonNode revoked = app.revokeConsent("consent-e2e-0005", "the citizen withdrew");

        assertThat(granted.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(listed.path("records")).extracting(view -> view.path("consent").path("terms").path("consentId").asText())
                .contains("consent-e2e-0005", LOAN.consentId(5));
        assertThat(revoked.path("status").asText()).isEqualTo("REVOKED");
    }

    @Test
    void a_bank_may_not_list_a_subject_s_consents() throws Exception {
        HttpResponse<String> response = send(DemoOrganisation.BANK, "/v1/consents?subject=" + demo.subject(0));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Json.tree(response.body()).path("code").asText()).isEqualTo("NOT_AUTHORIZED");
    }

    @Test
    void any_registered_organisation_reads_the_organisations_and_the_catalogue() throws Exception {
        JsonNode organisations = get(DemoOrganisation.BANK, "/v1/organisations?pageSize=200");
        JsonNode datasets = get(DemoOrganisation.BANK, "/v1/datasets");

        assertThat(organisations.path("records")).hasSize(DemoOrganisation.all().size());
        assertThat(datasets.path("records")).extracting(dataset -> dataset.path("id").asText())
                .contains(DemoCatalogue.SOCIAL_INSURANCE, DemoCatalogue.HOSPITAL);
    }

    private static JsonNode get(String mspId, String target) throws Exception {
        HttpResponse<String> response = send(mspId, target);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.tree(response.body());
    }

    /** A signed GET, as the SDK signs: the SDK has no call for these lists. */
    private static HttpResponse<String> send(String mspId, String target) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint().resolve(target)).GET();
        RequestSigner.create(mspId, identity(mspId).identity()).sign("GET", target, new byte[0]).asMap()
                .forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI endpoint() {
        return URI.create("http://127.0.0.1:" + appNode.port());
    }

    private static LedgerIdentity identity(String mspId) {
        return DemoPki.readClient(folder, mspId);
    }

    private static TrustAnchors anchors() throws IOException {
        return TrustAnchors.builder().nodeCa(java.nio.file.Files.readString(folder.resolve("msp")
                .resolve(DemoOrganisation.BUREAU).resolve("ca.pem"))).build();
    }
}
