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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.common.auth.RequestSigner;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.node.config.NodeConfig;
import org.qcchain.node.demo.DemoCatalogue;
import org.qcchain.node.demo.DemoOrganisation;
import org.qcchain.node.demo.DemoPki;
import org.qcchain.node.demo.DemoPlatform;
import org.qcchain.node.demo.DemoService;
import org.qcchain.node.demo.SyntheticRecords;
import org.qcchain.node.http.NodeServer;
import org.qcchain.node.http.NodeServices;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.platform.NodePlatform;
import org.qcchain.sdk.DataRequest;
import org.qcchain.sdk.QcchainApiException;
import org.qcchain.sdk.QcchainClient;
import org.qcchain.sdk.SignedDataRequest;
import org.qcchain.sdk.subject.AccessTrailEntry;
import org.qcchain.sdk.subject.AccessTrailPage;
import org.qcchain.sdk.subject.AccessTrailVerifier;
import org.qcchain.sdk.subject.SafeBoxClient;
import org.qcchain.sdk.subject.SubjectIdentifier;
import org.qcchain.sdk.subject.VerifiedAccess;
import org.qcchain.sdk.verify.TrustAnchors;
import org.qcchain.sdk.verify.TrustAnchorsBuilder;
import org.qcchain.sdk.verify.VerificationException;
import org.qcchain.sdk.verify.VerificationFailure;
import org.qcchain.sdk.verify.VerifiedAnswer;
import org.qcchain.sdk.verify.VerifiedRecord;
import org.qcchain.sdk.verify.Verifier;

/**
 * The data subject's routes on a restarted demo node (the operator's node, the Bureau, OPERATOR
 * only), driven by the citizen app through the SDK: the safe-box answer verified like a bank's,
 * the subject's consents by identifier, and "who used my data" with every entry checked against
 * its ledger evidence. Banks are refused, malformed identifiers are refused before the ledger, and
 * the ledger verifies afterwards.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SubjectRoutesTest {

    static final DemoService LOAN = DemoService.all().get(0);
    static final String APP = DemoOrganisation.CITIZEN_APP;

    @TempDir
    static Path folder;
    static NodePlatform platform;
    static Vertx vertx;
    static NodeServer node;
    static String[] pseudonyms = new String[DemoPlatform.CONSENTING_CITIZENS];

    @BeforeAll
    static void restartedDemoNode() throws Exception {
        try (DemoPlatform demo = DemoPlatform.create(folder, 700, 7L, new PrintStream(OutputStream.nullOutputStream()))) {
            for (int i = 0; i < pseudonyms.length; i++) {
                pseudonyms[i] = demo.subject(i);
            }
        }
        platform = NodePlatform.open(folder);
        vertx = Vertx.vertx();
        NodeConfig d = NodeConfig.defaults();
        NodeConfig config = new NodeConfig(folder.toString(), new NodeConfig.Http("127.0.0.1", 0), d.tls(),
                CryptoSuite.P256_SHA256, d.ledger(), d.limits(), d.auth(), List.of());
        node = RestartedDemoNode.await(NodeServer.start(vertx, config, platform.directory(),
                NodeServices.of(platform.ledger(), platform.node(), platform.dataRequests(), platform.pseudonyms())));
    }

    @AfterAll
    static void stop() {
        RestartedDemoNode.await(vertx.close());
        platform.close();
    }

    @Test
    void the_citizen_app_gets_the_subject_s_records_from_several_source_units_verified() throws Exception {
        SignedDataRequest request = SafeBoxClient.selfAccess(APP, pseudonyms[0], "session-e2e-records")
                .item(DemoCatalogue.SOCIAL_INSURANCE, "employer", "baseSalary")
                .item(DemoCatalogue.PROVIDENT_FUND, "monthlyDeposit")
                .item(DemoCatalogue.REAL_ESTATE, "district", "area")
                .build().sign(identity(APP).identity());

        VerifiedAnswer answer = app().records(citizen(0), request);

        assertThat(answer.consumerMspId()).isEqualTo(APP);
        assertThat(answer.purpose()).isEqualTo(SafeBoxClient.SUBJECT_ACCESS);
        assertThat(answer.subject()).isEqualTo(pseudonyms[0]);
        List<String> providers = new ArrayList<>();
        answer.records().values().forEach(records -> records.forEach(r -> providers.add(r.anchor().providerMspId())));
        assertThat(providers).contains(DemoOrganisation.SOCIAL_INSURANCE, DemoOrganisation.PROVIDENT_FUND);
        VerifiedRecord social = answer.records(DemoCatalogue.SOCIAL_INSURANCE).get(0);
        assertThat(social.values()).containsOnlyKeys("employer", "baseSalary");
        assertLedgerIntact();
    }

    @Test
    void the_subject_s_trail_shows_a_bank_s_granted_and_denied_requests_each_verified() throws Exception {
        QcchainClient bank = bank();
        VerifiedAnswer granted = bank.requestData(loanRequest(1, "employer", "monthsPaid", "status"));
        QcchainApiException denied = catchThrowableOfType(QcchainApiException.class,
                () -> bank.requestData(loanRequest(1, "employer", "baseSalary")));

        AccessTrailPage trail = app().accessRecords(citizen(1), null, null, 50, null);

        assertThat(trail.subject()).isEqualTo(pseudonyms[1]);
        AccessTrailVerifier verifier = AccessTrailVerifier.create(anchors(), CryptoSuite.P256_SHA256);
        List<VerifiedAccess> accesses = new ArrayList<>();
        for (AccessTrailEntry entry : trail.entries()) {
            accesses.add(verifier.verify(entry, pseudonyms[1], trail.nodeCertificate()));
            assertThat(entry.consumerName()).isEqualTo("齐鲁示范银行 Qilu Demo Bank");
        }
        assertThat(accesses).extracting(VerifiedAccess::accessId)
                .containsExactly(granted.accessId(), denied.accessId().orElseThrow());
        assertThat(accesses.get(0).granted()).isTrue();
        assertThat(accesses.get(0).position().blockNumber()).isEqualTo(granted.accessPosition().blockNumber());
        assertThat(accesses.get(1).granted()).isFalse();
        assertThat(accesses.get(1).reasonCode()).isEqualTo(ErrorCode.FIELD_NOT_COVERED.code());
        assertThat(accesses).allSatisfy(a -> assertThat(a.consumerMspId()).isEqualTo(DemoOrganisation.BANK));
        assertLedgerIntact();
    }

    @Test
    void a_trail_entry_that_differs_from_the_ledger_or_names_another_subject_fails() throws Exception {
        bank().requestData(loanRequest(2, "employer"));
        AccessTrailPage trail = app().accessRecords(citizen(2), null, null, null, null);
        AccessTrailEntry entry = trail.entries().get(0);
        ObjectNode edited = entry.record().deepCopy();
        edited.put("purpose", "MARKETING");
        AccessTrailVerifier verifier = AccessTrailVerifier.create(anchors(), CryptoSuite.P256_SHA256);

        VerificationException tampered = catchThrowableOfType(VerificationException.class, () -> verifier.verify(
                new AccessTrailEntry(edited, entry.evidence(), entry.consumerName()), pseudonyms[2],
                trail.nodeCertificate()));
        VerificationException otherSubject = catchThrowableOfType(VerificationException.class,
                () -> verifier.verify(entry, pseudonyms[3], trail.nodeCertificate()));
        VerificationException untrustedNode = catchThrowableOfType(VerificationException.class,
                () -> verifier.verify(entry, pseudonyms[2], identity(APP).identity().certificatePem()));

        assertThat(tampered.failure()).isEqualTo(VerificationFailure.ACCESS_RECORD_NOT_ON_LEDGER);
        assertThat(otherSubject.failure()).isEqualTo(VerificationFailure.ACCESS_RECORD_MISMATCH);
        assertThat(untrustedNode.failure()).isEqualTo(VerificationFailure.UNTRUSTED_SIGNER);
    }

    @Test
    void the_app_lists_the_subject_s_consents_by_identifier() throws Exception {
        JsonNode page = app().consents(citizen(4), 50, null);

        assertThat(page.path("subject").asText()).isEqualTo(pseudonyms[4]);
        assertThat(page.path("records")).extracting(view -> view.path("consent").path("terms").path("consentId").asText())
                .contains(LOAN.consentId(4), DemoService.all().get(1).consentId(4));
    }

    @Test
    void a_bank_s_request_for_the_subject_access_purpose_is_denied_and_recorded() throws Exception {
        SignedDataRequest request = DataRequest.builder().consumer(DemoOrganisation.BANK).subject(pseudonyms[5])
                .consent("session-of-a-bank").purpose(SafeBoxClient.SUBJECT_ACCESS)
                .item(DemoCatalogue.SOCIAL_INSURANCE, "employer").build()
                .sign(identity(DemoOrganisation.BANK).identity());

        QcchainApiException denied = catchThrowableOfType(QcchainApiException.class,
                () -> bank().requestData(request));

        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.getErrorCode()).isEqualTo(ErrorCode.SUBJECT_ACCESS_NOT_ALLOWED);
        AccessTrailPage trail = app().accessRecords(citizen(5), null, null, null, null);
        assertThat(trail.entries()).extracting(e -> e.record().path("accessId").asText())
                .contains(denied.accessId().orElseThrow());
    }

    @Test
    void a_bank_calling_the_subject_routes_is_refused() throws Exception {
        String body = "{\"identifier\":{\"type\":\"RESIDENT_ID\",\"number\":\"" + SyntheticRecords.residentId(0)
                + "\"}}";
        for (String route : List.of("/v1/subjects/records", "/v1/subjects/consents", "/v1/subjects/access-records")) {
            HttpResponse<String> response = post(DemoOrganisation.BANK, route, body);

            assertThat(response.statusCode()).as(route).isEqualTo(403);
            assertThat(Json.tree(response.body()).path("code").asText()).isEqualTo("NOT_AUTHORIZED");
        }
    }

    @Test
    void malformed_identifiers_and_mismatched_requests_are_refused_before_the_ledger() throws Exception {
        long recordsBefore = accessRecordCount();
        String number = SyntheticRecords.residentId(6);
        SignedDataRequest forSix = SafeBoxClient.selfAccess(APP, pseudonyms[6], "session-e2e-bad")
                .item(DemoCatalogue.SOCIAL_INSURANCE, "employer").build().sign(identity(APP).identity());
        String signedRequest = Json.write(forSix.toJson());
        List<String> bodies = List.of(
                "{\"identifier\":{\"type\":\"resident id\",\"number\":\"" + number + "\"},\"signedRequest\":"
                        + signedRequest + "}",
                "{\"identifier\":{\"type\":\"RESIDENT_ID\",\"number\":\"  \"},\"signedRequest\":" + signedRequest + "}",
                "{\"signedRequest\":" + signedRequest + "}",
                "{\"identifier\":{\"type\":\"RESIDENT_ID\",\"number\":\"" + SyntheticRecords.residentId(7)
                        + "\"},\"signedRequest\":" + signedRequest + "}",
                "{\"identifier\":{\"type\":\"RESIDENT_ID\",\"number\":\"" + number + "\",\"name\":\"张三\"},"
                        + "\"signedRequest\":" + signedRequest + "}");

        for (String body : bodies) {
            HttpResponse<String> response = post(APP, "/v1/subjects/records", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(Json.tree(response.body()).path("code").asText()).isEqualTo("INVALID_ARGUMENT");
            assertThat(response.body()).doesNotContain(number);
        }
        for (String route : List.of("/v1/subjects/consents", "/v1/subjects/access-records")) {
            HttpResponse<String> response = post(APP, route,
                    "{\"identifier\":{\"type\":\"RESIDENT_ID\",\"number\":\"37\\u00000102\"}}");
            assertThat(response.statusCode()).as(route).isEqualTo(400);
        }
        assertThat(accessRecordCount()).isEqualTo(recordsBefore);
        assertLedgerIntact();
    }

    @Test
    void a_consumer_s_purpose_is_refused_on_the_subject_route() throws Exception {
        long recordsBefore = accessRecordCount();
        SignedDataRequest loan = DataRequest.builder().consumer(APP).subject(pseudonyms[8]).consent(LOAN.consentId(8))
                .purpose(LOAN.purpose()).item(DemoCatalogue.SOCIAL_INSURANCE, "employer").build()
                .sign(identity(APP).identity());

        QcchainApiException refused = catchThrowableOfType(QcchainApiException.class,
                () -> app().records(citizen(8), loan));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.detail()).contains("SUBJECT_ACCESS");
        assertThat(accessRecordCount()).isEqualTo(recordsBefore);
    }

    private static void assertLedgerIntact() {
        JsonNode report = platform.ledger().verify();
        assertThat(report.path("intact").asBoolean()).as(report.toString()).isTrue();
    }

    /** Every access record on the ledger, granted or denied, as the audit office counts them. */
    private static long accessRecordCount() throws Exception {
        LedgerIdentity auditor = identity(DemoOrganisation.AUDIT_OFFICE);
        long count = 0;
        String bookmark = "";
        do {
            JsonNode page = Json.tree(platform.ledger().evaluate(auditor, "Access:listAccessRecords",
                    "{\"scope\":\"ALL\",\"pageSize\":200,\"bookmark\":" + Json.write(bookmark) + "}"));
            count += page.path("records").size();
            bookmark = page.path("bookmark").asText("");
        } while (!bookmark.isEmpty());
        return count;
    }

    private static SignedDataRequest loanRequest(int citizen, String... socialInsuranceFields) {
        return DataRequest.builder().consumer(DemoOrganisation.BANK).subject(pseudonyms[citizen])
                .consent(LOAN.consentId(citizen)).purpose(LOAN.purpose())
                .item(DemoCatalogue.SOCIAL_INSURANCE, socialInsuranceFields).build()
                .sign(identity(DemoOrganisation.BANK).identity());
    }

    private static SubjectIdentifier citizen(int index) {
        return SubjectIdentifier.residentId(SyntheticRecords.residentId(index));
    }

    private static SafeBoxClient app() throws IOException {
        return SafeBoxClient.create(endpoint(), APP, identity(APP).identity(),
                Verifier.builder().trustAnchors(anchors()).suite(CryptoSuite.P256_SHA256).build());
    }

    private static QcchainClient bank() throws IOException {
        return QcchainClient.builder().endpoint(endpoint())
                .identity(DemoOrganisation.BANK, identity(DemoOrganisation.BANK).identity())
                .trustAnchors(anchors()).build();
    }

    /** A signed POST as the SDK signs it, for bodies the SDK would never send. */
    private static HttpResponse<String> post(String mspId, String target, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint().resolve(target))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        RequestSigner.create(mspId, identity(mspId).identity()).sign("POST", target, bytes).asMap()
                .forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI endpoint() {
        return URI.create("http://127.0.0.1:" + node.port());
    }

    private static LedgerIdentity identity(String mspId) {
        return DemoPki.readClient(folder, mspId);
    }

    /** Every organisation's CA from the demo folder, and the Bureau's CA for the node certificate. */
    private static TrustAnchors anchors() throws IOException {
        TrustAnchorsBuilder anchors = TrustAnchors.builder();
        for (DemoOrganisation organisation : DemoOrganisation.all()) {
            anchors.organisation(organisation.mspId(),
                    Files.readString(folder.resolve("msp").resolve(organisation.mspId()).resolve("ca.pem")));
        }
        return anchors.nodeCa(Files.readString(folder.resolve("msp").resolve(DemoOrganisation.BUREAU)
                .resolve("ca.pem"))).build();
    }
}
