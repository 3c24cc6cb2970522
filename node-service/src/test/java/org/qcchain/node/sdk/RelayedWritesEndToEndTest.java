package org.qcchain.node.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.common.auth.RequestSigner;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.node.demo.DemoCatalogue;
import org.qcchain.node.demo.DemoOrganisation;
import org.qcchain.node.demo.DemoPki;
import org.qcchain.node.demo.DemoPlatform;
import org.qcchain.node.http.DemoNodes;
import org.qcchain.node.http.NodeServer;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.sdk.ConsentBuilder;
import org.qcchain.sdk.DataRequest;
import org.qcchain.sdk.QcchainApiException;
import org.qcchain.sdk.QcchainClient;
import org.qcchain.sdk.SignedDataRequest;
import org.qcchain.sdk.command.Commands;
import org.qcchain.sdk.command.SignedCommand;
import org.qcchain.sdk.command.UnsignedCommand;
import org.qcchain.sdk.verify.VerifiedAnswer;

/**
 * Writes of banks, providers and the citizen app through the Bureau's node, which holds none of
 * their keys: each signs a command, the node relays it, the ledger runs it for the signer. A real
 * demo ledger in a temporary folder, real nodes on loopback ports, the client SDK as banks use it.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RelayedWritesEndToEndTest {

    static final String PURPOSE = "LOAN_UNDERWRITING";

    @TempDir
    static Path folder;
    static DemoPlatform demo;
    static Vertx vertx;
    static NodeServer bureauNode;
    static NodeServer ruralBankNode;

    @BeforeAll
    static void nodes() throws Exception {
        demo = DemoPlatform.create(folder, 70, 7L, new PrintStream(OutputStream.nullOutputStream()));
        vertx = Vertx.vertx();
        bureauNode = DemoNodes.start(vertx, folder, demo, demo.pki().node());
        ruralBankNode = DemoNodes.start(vertx, folder, demo, identity(DemoOrganisation.RURAL_BANK));
    }

    @AfterAll
    static void stop() {
        RestartedDemoNode.await(vertx.close());
        demo.close();
    }

    @Test
    void a_bank_asks_the_provider_approves_and_the_citizen_app_consents_all_through_the_bureau_s_node()
            throws Exception {
        Instant now = Instant.now();
        QcchainClient ruralBank = client(bureauNode, DemoOrganisation.RURAL_BANK);
        QcchainClient provider = client(bureauNode, DemoOrganisation.SOCIAL_INSURANCE);

        JsonNode pending = ruralBank.requestAgreement(Commands.requestAgreement(DemoOrganisation.RURAL_BANK,
                "agr-rural-si", DemoCatalogue.SOCIAL_INSURANCE, List.of("employer", "monthsPaid"), List.of(PURPOSE),
                now.minusSeconds(60), now.plus(Duration.ofDays(30))).build().sign(member(DemoOrganisation.RURAL_BANK)));
        JsonNode approved = provider.approveAgreement(Commands.approveAgreement(DemoOrganisation.SOCIAL_INSURANCE,
                "agr-rural-si", "approved via the Bureau").build().sign(member(DemoOrganisation.SOCIAL_INSURANCE)));
        grant("consent-rural-5", DemoOrganisation.RURAL_BANK, demo.subject(5));
        VerifiedAnswer answer = ruralBank.requestData(request(DemoOrganisation.RURAL_BANK, 5, "consent-rural-5")
                .build().sign(member(DemoOrganisation.RURAL_BANK)));

        assertThat(pending.path("status").asText()).isEqualTo("PENDING");
        assertThat(pending.path("consumerMspId").asText()).isEqualTo(DemoOrganisation.RURAL_BANK);
        assertThat(approved.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(answer.records(DemoCatalogue.SOCIAL_INSURANCE)).isNotEmpty();
        assertThat(ruralBank.agreement("agr-rural-si").path("note").asText()).isEqualTo("approved via the Bureau");
        assertThat(client(bureauNode, DemoOrganisation.AUDIT_OFFICE)
                .agreements(DemoOrganisation.SOCIAL_INSURANCE, true, "").path("records"))
                .extracting(a -> a.path("agreementId").asText()).contains("agr-rural-si");
        assertThat(ruralBank.agreements(DemoOrganisation.RURAL_BANK, false, "").path("records"))
                .extracting(a -> a.path("agreementId").asText()).containsExactly("agr-rural-si");
    }

    @Test
    void the_citizen_app_grants_pauses_resumes_and_revokes_and_data_requests_follow() throws Exception {
        QcchainClient app = client(bureauNode, DemoOrganisation.CITIZEN_APP);
        QcchainClient bank = client(bureauNode, DemoOrganisation.BANK);
        Identity appMember = member(DemoOrganisation.CITIZEN_APP);
        String consent = "consent-relayed-4";

        JsonNode granted = grant(consent, DemoOrganisation.BANK, demo.subject(4));
        VerifiedAnswer whileActive = bank.requestData(bankRequest(consent, 4));
        JsonNode paused = app.pauseConsent(Commands.pauseConsent(DemoOrganisation.CITIZEN_APP, consent, "on hold")
                .build().sign(appMember));
        QcchainApiException whilePaused = denied(bank, consent, 4);
        app.resumeConsent(Commands.resumeConsent(DemoOrganisation.CITIZEN_APP, consent, null).build().sign(appMember));
        VerifiedAnswer afterResume = bank.requestData(bankRequest(consent, 4));
        JsonNode revoked = app.revokeConsent(Commands.revokeConsent(DemoOrganisation.CITIZEN_APP, consent,
                "the citizen withdrew").build().sign(appMember));
        QcchainApiException afterRevoke = denied(bank, consent, 4);

        assertThat(granted.path("identityProviderMspId").asText()).isEqualTo(DemoOrganisation.CITIZEN_APP);
        assertThat(whileActive.records(DemoCatalogue.SOCIAL_INSURANCE)).isNotEmpty();
        assertThat(paused.path("status").asText()).isEqualTo("PAUSED");
        assertThat(whilePaused.getErrorCode()).isEqualTo(ErrorCode.CONSENT_PAUSED);
        assertThat(afterResume.records(DemoCatalogue.SOCIAL_INSURANCE)).isNotEmpty();
        assertThat(revoked.path("status").asText()).isEqualTo("REVOKED");
        assertThat(afterRevoke.getErrorCode()).isEqualTo(ErrorCode.CONSENT_REVOKED);
    }

    @Test
    void a_replayed_command_is_refused_and_writes_nothing() throws Exception {
        String consent = "consent-replay-6";
        grant(consent, DemoOrganisation.BANK, demo.subject(6));
        SignedCommand pause = Commands.pauseConsent(DemoOrganisation.CITIZEN_APP, consent, "on hold").build()
                .sign(member(DemoOrganisation.CITIZEN_APP));
        QcchainClient app = client(bureauNode, DemoOrganisation.CITIZEN_APP);
        app.pauseConsent(pause);
        app.resumeConsent(Commands.resumeConsent(DemoOrganisation.CITIZEN_APP, consent, null).build()
                .sign(member(DemoOrganisation.CITIZEN_APP)));
        long height = height();

        QcchainApiException replayed = catchThrowableOfType(QcchainApiException.class, () -> app.pauseConsent(pause));

        assertThat(replayed.getErrorCode()).isEqualTo(ErrorCode.REQUEST_REPLAYED);
        assertThat(replayed.status()).isEqualTo(409);
        assertThat(height()).isEqualTo(height);
        assertThat(bank().requestData(bankRequest(consent, 6)).records(DemoCatalogue.SOCIAL_INSURANCE)).isNotEmpty();
    }

    @Test
    void forged_commands_are_refused_and_write_nothing() throws Exception {
        String consent = "consent-forged-7";
        grant(consent, DemoOrganisation.BANK, demo.subject(7));
        UnsignedCommand revoke = Commands.revokeConsent(DemoOrganisation.CITIZEN_APP, consent, "forged").build();
        ObjectNode signedByBank = SignedCommand.of(revoke, member(DemoOrganisation.BANK).certificatePem(),
                member(DemoOrganisation.BANK).sign(revoke.bytesToSign())).toJson();
        ObjectNode tampered = revoke.sign(member(DemoOrganisation.CITIZEN_APP)).toJson();
        ((ObjectNode) tampered.path("command")).put("nonce", "another-nonce-0001");
        String target = "/v1/consents/" + consent + "/revoke";
        long height = height();

        String agreement = "agr-qilubankmsp-" + DemoCatalogue.SOCIAL_INSURANCE;
        HttpResponse<String> otherBankCarriesBankCommand = post(DemoOrganisation.RURAL_BANK, "/v1/agreements/"
                + agreement + "/terminate", Commands.terminateAgreement(DemoOrganisation.BANK, agreement, "forged")
                .build().sign(member(DemoOrganisation.BANK)).toJson());
        HttpResponse<String> appWithBankCertificate = post(DemoOrganisation.CITIZEN_APP, target, signedByBank);
        HttpResponse<String> alteredAfterSigning = post(DemoOrganisation.CITIZEN_APP, target, tampered);
        HttpResponse<String> stale = post(DemoOrganisation.CITIZEN_APP, target, Commands.revokeConsent(
                DemoOrganisation.CITIZEN_APP, consent, "stale").clock(Clock.fixed(Instant.now().minus(
                Duration.ofHours(1)), ZoneOffset.UTC)).build().sign(member(DemoOrganisation.CITIZEN_APP)).toJson());

        assertProblem(otherBankCarriesBankCommand, 403, ErrorCode.NOT_AUTHORIZED);
        assertThat(Json.tree(otherBankCarriesBankCommand.body()).path("detail").asText())
                .contains("only its own commands");
        assertProblem(appWithBankCertificate, 401, ErrorCode.CERTIFICATE_UNTRUSTED);
        assertProblem(alteredAfterSigning, 401, ErrorCode.BAD_SIGNATURE);
        assertProblem(stale, 401, ErrorCode.REQUEST_STALE);
        assertThat(height()).isEqualTo(height);
        assertThat(bank().requestData(bankRequest(consent, 7)).records(DemoCatalogue.SOCIAL_INSURANCE)).isNotEmpty();
    }

    @Test
    void a_command_for_another_route_or_record_or_malformed_is_refused_before_the_ledger() throws Exception {
        Identity appMember = member(DemoOrganisation.CITIZEN_APP);
        ObjectNode pause = Commands.pauseConsent(DemoOrganisation.CITIZEN_APP, "consent-a", null).build()
                .sign(appMember).toJson();
        long height = height();

        HttpResponse<String> onRevokeRoute = post(DemoOrganisation.CITIZEN_APP, "/v1/consents/consent-a/revoke", pause);
        HttpResponse<String> onOtherConsent = post(DemoOrganisation.CITIZEN_APP, "/v1/consents/consent-b/pause", pause);
        HttpResponse<String> malformed = post(DemoOrganisation.CITIZEN_APP, "/v1/consents/consent-a/pause",
                Json.mapper().createObjectNode().put("command", "pause please"));
        HttpResponse<String> bothParties = get(DemoOrganisation.AUDIT_OFFICE,
                "/v1/agreements?consumer=QiluBankMSP&provider=SocialInsuranceMSP");

        assertProblem(onRevokeRoute, 400, ErrorCode.COMMAND_MISMATCH);
        assertProblem(onOtherConsent, 400, ErrorCode.COMMAND_MISMATCH);
        assertProblem(malformed, 400, ErrorCode.INVALID_ARGUMENT);
        assertProblem(bothParties, 400, ErrorCode.INVALID_ARGUMENT);
        assertThat(height()).isEqualTo(height);
    }

    @Test
    void plain_writes_of_another_organisation_stay_refused_and_only_parties_read_an_agreement() throws Exception {
        ObjectNode proposal = Json.mapper().createObjectNode().put("agreementId", "agr-plain")
                .put("datasetId", DemoCatalogue.PROVIDENT_FUND).put("validFrom", Instant.now().toString())
                .put("validUntil", Instant.now().plus(Duration.ofDays(1)).toString());
        proposal.putArray("fields").add("employer");
        proposal.putArray("purposes").add(PURPOSE);

        HttpResponse<String> plain = post(DemoOrganisation.RURAL_BANK, "/v1/agreements", proposal);
        HttpResponse<String> otherConsumer = get(DemoOrganisation.MOTOR_INSURER, "/v1/agreements/agr-qilubankmsp-"
                + DemoCatalogue.SOCIAL_INSURANCE);
        HttpResponse<String> othersList = get(DemoOrganisation.MOTOR_INSURER, "/v1/agreements?consumer="
                + DemoOrganisation.BANK);
        HttpResponse<String> party = get(DemoOrganisation.SOCIAL_INSURANCE, "/v1/agreements/agr-qilubankmsp-"
                + DemoCatalogue.SOCIAL_INSURANCE);

        assertProblem(plain, 403, ErrorCode.NOT_AUTHORIZED);
        assertThat(Json.tree(plain.body()).path("detail").asText()).contains("submits as " + DemoOrganisation.BUREAU);
        assertProblem(otherConsumer, 403, ErrorCode.NOT_AUTHORIZED);
        assertProblem(othersList, 403, ErrorCode.NOT_AUTHORIZED);
        assertThat(party.statusCode()).as(party.body()).isEqualTo(200);
        assertThat(Json.tree(party.body()).path("consumerMspId").asText()).isEqualTo(DemoOrganisation.BANK);
    }

    @Test
    void a_bank_s_own_node_submits_its_plain_writes_but_cannot_relay_for_others() throws Exception {
        Instant now = Instant.now();
        QcchainClient ownNode = client(ruralBankNode, DemoOrganisation.RURAL_BANK);
        ObjectNode proposal = Json.mapper().createObjectNode().put("agreementId", "agr-own-node")
                .put("datasetId", DemoCatalogue.REAL_ESTATE).put("validFrom", now.toString())
                .put("validUntil", now.plus(Duration.ofDays(1)).toString());
        proposal.putArray("fields").add("district");
        proposal.putArray("purposes").add(PURPOSE);

        HttpResponse<String> plain = post(ruralBankNode, DemoOrganisation.RURAL_BANK, "/v1/agreements", proposal);
        QcchainApiException relayed = catchThrowableOfType(QcchainApiException.class, () -> ownNode.terminateAgreement(
                Commands.terminateAgreement(DemoOrganisation.RURAL_BANK, "agr-own-node", "changed our mind").build()
                        .sign(member(DemoOrganisation.RURAL_BANK))));

        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(201);
        assertThat(Json.tree(plain.body()).path("consumerMspId").asText()).isEqualTo(DemoOrganisation.RURAL_BANK);
        assertThat(relayed.getErrorCode()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(relayed.detail()).contains("operator");
    }

    private static JsonNode grant(String consentId, String consumer, String subject) throws Exception {
        Instant now = Instant.now();
        ObjectNode grant = new ConsentBuilder().consentId(consentId).subject(subject).consumer(consumer)
                .purpose(PURPOSE).item(DemoCatalogue.SOCIAL_INSURANCE, "employer", "monthsPaid")
                .periodic("DAY", 100).dataLife("DAY", 30).valid(now.minusSeconds(60), now.plus(Duration.ofDays(7)))
                .build().unsigned();
        return client(bureauNode, DemoOrganisation.CITIZEN_APP).grantConsent(Commands.grantConsent(
                DemoOrganisation.CITIZEN_APP, grant).build().sign(member(DemoOrganisation.CITIZEN_APP)));
    }

    private static DataRequest.Builder request(String consumer, int citizen, String consentId) {
        return DataRequest.builder().consumer(consumer).subject(demo.subject(citizen)).consent(consentId)
                .purpose(PURPOSE).item(DemoCatalogue.SOCIAL_INSURANCE, "employer", "monthsPaid");
    }

    private static SignedDataRequest bankRequest(String consentId, int citizen) {
        return request(DemoOrganisation.BANK, citizen, consentId).build().sign(member(DemoOrganisation.BANK));
    }

    private static QcchainApiException denied(QcchainClient bank, String consentId, int citizen) {
        return catchThrowableOfType(QcchainApiException.class,
                () -> bank.requestData(bankRequest(consentId, citizen)));
    }

    private static QcchainClient bank() throws IOException {
        return client(bureauNode, DemoOrganisation.BANK);
    }

    private static void assertProblem(HttpResponse<String> response, int status, ErrorCode code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(Json.tree(response.body()).path("code").asText()).isEqualTo(code.code());
    }

    /** The ledger's height as the node reports it on {@code /health}. */
    private static long height() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                endpoint(bureauNode).resolve("/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
        return Json.tree(health.body()).path("ledger").path("height").asLong();
    }

    private static HttpResponse<String> post(String mspId, String target, JsonNode body) throws Exception {
        return post(bureauNode, mspId, target, body);
    }

    /** A signed POST with a body the SDK would not send, as a client that does not use it would. */
    private static HttpResponse<String> post(NodeServer node, String mspId, String target, JsonNode body)
            throws Exception {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint(node).resolve(target))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).header("Content-Type", "application/json");
        RequestSigner.create(mspId, member(mspId)).sign("POST", target, bytes).asMap().forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String mspId, String target) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint(bureauNode).resolve(target)).GET();
        RequestSigner.create(mspId, member(mspId)).sign("GET", target, new byte[0]).asMap().forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI endpoint(NodeServer node) {
        return URI.create("http://127.0.0.1:" + node.port());
    }

    private static QcchainClient client(NodeServer node, String mspId) throws IOException {
        return QcchainClient.builder().endpoint(endpoint(node)).identity(mspId, member(mspId))
                .trustAnchors(PublishedTrustAnchors.of(folder)).build();
    }

    private static LedgerIdentity identity(String mspId) {
        return DemoPki.readClient(folder, mspId);
    }

    private static Identity member(String mspId) {
        return identity(mspId).identity();
    }
}
