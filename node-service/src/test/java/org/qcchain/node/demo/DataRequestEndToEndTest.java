package org.qcchain.node.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qcchain.node.http.DemoNodes.assertProblem;
import static org.qcchain.node.http.DemoNodes.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.chaincode.model.AccessRequest;
import org.qcchain.chaincode.model.RequestedItem;
import org.qcchain.chaincode.model.SignedAccessRequest;
import org.qcchain.common.answer.AnswerItem;
import org.qcchain.common.answer.AnswerSignatures;
import org.qcchain.common.answer.DataAnswer;
import org.qcchain.common.answer.RecordEvidence;
import org.qcchain.common.auth.RequestSigner;
import org.qcchain.common.auth.SignatureHeaders;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;
import org.qcchain.node.TestFolders;
import org.qcchain.node.answer.DataRequestService;
import org.qcchain.node.answer.DatasetCoverage;
import org.qcchain.node.answer.DeliveryRecorder;
import org.qcchain.node.http.DemoNodes;
import org.qcchain.node.http.NodeServer;
import org.qcchain.node.http.NodeServices;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.platform.NodePlatform;
import org.qcchain.node.store.BatchAnchorer;
import org.qcchain.node.store.ImportProgress;
import org.qcchain.node.store.ProviderStores;
import org.qcchain.node.store.RecordImporter;
import org.qcchain.node.store.SourceAdapter;
import org.qcchain.node.store.SourceRow;

/**
 * The data request end to end: the demo platform on a real embedded ledger and real H2 stores in
 * a temporary folder, a real node on a loopback port, requests signed with real certificates.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DataRequestEndToEndTest {

    @TempDir
    static Path folder;
    static DemoPlatform demo;
    static final DemoService LOAN = DemoService.all().get(0);

    NodeServer server;
    WebClient client;

    @BeforeAll
    static void platform() throws Exception {
        demo = DemoPlatform.create(folder, 700, 7L, new PrintStream(OutputStream.nullOutputStream()));
    }

    @AfterAll
    static void close() {
        demo.close();
    }

    @BeforeEach
    void start(Vertx vertx) {
        server = DemoNodes.start(vertx, folder, demo, demo.pki().node());
        client = WebClient.create(vertx);
    }

    @Test
    void health_reports_the_ledger_up_with_its_height() {
        HttpResponse<Buffer> response = await(client.request(HttpMethod.GET, server.port(), "127.0.0.1", "/health")
                .send());
        io.vertx.core.json.JsonObject health = response.bodyAsJsonObject();
        org.assertj.core.api.Assertions.assertThat(health.getString("status")).isEqualTo("UP");
        org.assertj.core.api.Assertions.assertThat(health.getJsonObject("ledger").getString("status")).isEqualTo("UP");
        org.assertj.core.api.Assertions.assertThat(health.getJsonObject("ledger").getLong("height"))
                .isEqualTo(demo.ledger().height());
    }

    @Test
    void grants_a_bank_request_with_an_answer_whose_every_proof_verifies() throws Exception {
        HttpResponse<Buffer> response = post(bank(), loanRequest(bank(), 0, LOAN.items()));

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        DataAnswer answer = DataAnswer.fromJson(response.bodyAsString());
        AnswerCheck.verify(answer);
        CryptoSuite.P256_SHA256.verify(demo.pki().node().identity().certificate().getPublicKey(),
                AnswerSignatures.signedBytes(answer, CryptoSuite.P256_SHA256), Base64.getDecoder().decode(answer.signature()));
        assertThat(answer.format()).isEqualTo(DataAnswer.FORMAT);
        assertThat(answer.signedBatch().batch().size()).isEqualTo(answer.signedBatch().inclusionProof().treeSize());
        assertThat(answer.access().record().path("decision").asText()).isEqualTo("GRANTED");
        assertThat(answer.items()).extracting(AnswerItem::datasetId).containsExactly(
                DemoCatalogue.PROVIDENT_FUND, DemoCatalogue.REAL_ESTATE, DemoCatalogue.SOCIAL_INSURANCE);
        for (AnswerItem item : answer.items()) {
            assertThat(item.records()).isNotEmpty();
            for (RecordEvidence record : item.records()) {
                assertThat(record.disclosure().openings().keySet())
                        .containsExactlyInAnyOrderElementsOf(LOAN.fields().get(item.datasetId()));
                assertThat(record.disclosure().subject()).isEqualTo(demo.subject(0));
            }
        }
        assertThat(deliveryRecorded(response.getHeader("X-Qc-Access-Id"))).isTrue();
    }

    @Test
    void denies_a_field_the_consent_does_not_cover_with_403_and_the_auditor_finds_the_denial() {
        List<RequestedItem> items = List.of(new RequestedItem(DemoCatalogue.SOCIAL_INSURANCE,
                List.of("employer", "baseSalary")));

        HttpResponse<Buffer> response = post(bank(), loanRequest(bank(), 1, items));

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(403);
        JsonNode problem = Json.tree(response.bodyAsString());
        assertThat(problem.path("code").asText()).isEqualTo("FIELD_NOT_COVERED");
        String accessId = problem.path("accessId").asText();
        assertThat(accessId).hasSize(64);
        HttpResponse<Buffer> trail = send(auditor(), HttpMethod.GET, "/v1/access-records?scope=ALL&pageSize=200", "");
        assertThat(trail.statusCode()).as(trail.bodyAsString()).isEqualTo(200);
        List<JsonNode> denials = new ArrayList<>();
        Json.tree(trail.bodyAsString()).path("records").forEach(record -> {
            if (record.path("accessId").asText().equals(accessId)) {
                denials.add(record);
            }
        });
        assertThat(denials).singleElement().satisfies(record -> {
            assertThat(record.path("decision").asText()).isEqualTo("DENIED");
            assertThat(record.path("reasonCode").asText()).isEqualTo("FIELD_NOT_COVERED");
        });
    }

    @Test
    void shows_in_the_metrics_every_phase_of_a_granted_request_and_the_first_two_of_a_denied_one() {
        List<RequestedItem> uncovered = List.of(new RequestedItem(DemoCatalogue.SOCIAL_INSURANCE,
                List.of("employer", "baseSalary")));
        Map<String, Long> before = phaseCounts();

        assertThat(post(bank(), loanRequest(bank(), 0, uncovered)).statusCode()).isEqualTo(403);
        Map<String, Long> afterDenial = phaseCounts();
        HttpResponse<Buffer> granted = post(bank(), loanRequest(bank(), 0, LOAN.items()));
        Map<String, Long> afterGrant = phaseCounts();

        assertThat(granted.statusCode()).as(granted.bodyAsString()).isEqualTo(200);
        assertThat(difference(afterDenial, before)).containsExactly(Map.entry("admission", 1L),
                Map.entry("ledger", 1L), Map.entry("answer", 0L), Map.entry("signature", 0L),
                Map.entry("receipt", 0L));
        assertThat(difference(afterGrant, afterDenial).values()).containsOnly(1L).hasSize(5);
    }

    /** The count of each phase in the node's Prometheus text, in the order it shows them. */
    private Map<String, Long> phaseCounts() {
        String prefix = "qcchain_data_request_phase_seconds_count{phase=\"";
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        await(client.request(HttpMethod.GET, server.port(), "127.0.0.1", "/metrics").send()).bodyAsString()
                .lines().filter(line -> line.startsWith(prefix)).forEach(line -> counts.put(
                        line.substring(prefix.length(), line.indexOf('"', prefix.length())),
                        Long.parseLong(line.substring(line.lastIndexOf(' ') + 1))));
        return counts;
    }

    private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> difference = new java.util.LinkedHashMap<>();
        after.forEach((phase, count) -> difference.put(phase, count - before.getOrDefault(phase, 0L)));
        return difference;
    }

    @Test
    void refuses_a_replayed_http_request() {
        String body = loanRequest(bank(), 2, LOAN.items());
        SignatureHeaders headers = RequestSigner.create(bank().mspId(), bank().identity())
                .sign("POST", "/v1/data-requests", body.getBytes(StandardCharsets.UTF_8));

        assertThat(send(headers, HttpMethod.POST, "/v1/data-requests", body).statusCode()).isEqualTo(200);
        HttpResponse<Buffer> replay = send(headers, HttpMethod.POST, "/v1/data-requests", body);

        assertThat(replay.statusCode()).isEqualTo(409);
        assertThat(Json.tree(replay.bodyAsString()).path("code").asText()).isEqualTo("REQUEST_REPLAYED");
    }

    @Test
    void grants_a_request_sent_without_signature_headers_on_its_own_signature() throws Exception {
        HttpResponse<Buffer> response = postUnsigned(loanRequest(bank(), 7, LOAN.items()));

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        DataAnswer answer = DataAnswer.fromJson(response.bodyAsString());
        AnswerCheck.verify(answer);
        assertThat(answer.access().record().path("consumerMspId").asText()).isEqualTo(bank().mspId());
    }

    @Test
    void refuses_a_request_without_headers_whose_own_signature_does_not_verify_before_the_ledger() {
        ObjectNode body = (ObjectNode) Json.tree(loanRequest(bank(), 8, LOAN.items()));
        ((ObjectNode) body.get("request")).put("purpose", "MARKETING");

        HttpResponse<Buffer> response = postUnsigned(Json.write(body));

        JsonNode problem = assertProblem(response, 401, "BAD_SIGNATURE");
        assertThat(problem.has("accessId")).as("refused by the node, not decided on the ledger").isFalse();
    }

    @Test
    void refuses_a_replayed_request_without_headers_before_the_ledger() {
        String body = loanRequest(bank(), 9, LOAN.items());

        assertThat(postUnsigned(body).statusCode()).isEqualTo(200);
        JsonNode problem = assertProblem(postUnsigned(body), 409, "REQUEST_REPLAYED");

        assertThat(problem.has("accessId")).isFalse();
    }

    @Test
    void refuses_a_request_without_headers_signed_with_another_organisations_certificate() {
        LedgerIdentity insurer = demo.pki().client(DemoOrganisation.MOTOR_INSURER);
        AccessRequest request = request(bank().mspId(), 10, Instant.now());

        assertProblem(postUnsigned(signedBy(insurer, request)), 401, "CERTIFICATE_UNTRUSTED");
    }

    @Test
    void refuses_a_stale_request_without_headers() {
        AccessRequest request = request(bank().mspId(), 11, Instant.now().minus(Duration.ofHours(2)));

        assertProblem(postUnsigned(signedBy(bank(), request)), 401, "REQUEST_STALE");
    }

    @Test
    void answers_400_for_a_request_without_headers_that_names_no_certificate_or_is_not_json() {
        ObjectNode body = (ObjectNode) Json.tree(loanRequest(bank(), 12, LOAN.items()));
        body.remove("certificate");

        assertProblem(postUnsigned(Json.write(body)), 400, "INVALID_ARGUMENT");
        assertProblem(postUnsigned("{\"request\": "), 400, "INVALID_ARGUMENT");
        assertProblem(postUnsigned("{\"request\": {\"consumerMspId\": 5}, \"extra\": true}"), 400,
                "INVALID_ARGUMENT");
    }

    @Test
    void grants_concurrent_requests_on_one_consent_by_retrying_read_conflicts() {
        List<Future<HttpResponse<Buffer>>> responses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String body = loanRequest(bank(), 3, LOAN.items());
            responses.add(request(RequestSigner.create(bank().mspId(), bank().identity())
                    .sign("POST", "/v1/data-requests", body.getBytes(StandardCharsets.UTF_8)),
                    HttpMethod.POST, "/v1/data-requests", body));
        }

        for (Future<HttpResponse<Buffer>> response : responses) {
            assertThat(await(response).statusCode()).as(await(response).bodyAsString()).isEqualTo(200);
        }
    }

    @Test
    void refuses_a_consumer_carrying_another_consumers_request() {
        LedgerIdentity insurer = demo.pki().client(DemoOrganisation.MOTOR_INSURER);

        HttpResponse<Buffer> response = post(insurer, loanRequest(bank(), 4, LOAN.items()));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Json.tree(response.bodyAsString()).path("code").asText()).isEqualTo("NOT_AUTHORIZED");
    }

    @Test
    void lets_a_consumer_list_only_its_own_trail() {
        assertThat(send(bank(), HttpMethod.GET, "/v1/access-records?scope=ALL", "").statusCode()).isEqualTo(403);
        HttpResponse<Buffer> own = send(bank(), HttpMethod.GET, "/v1/access-records", "");
        assertThat(own.statusCode()).as(own.bodyAsString()).isEqualTo(200);
    }

    @Test
    void lets_the_auditor_verify_the_ledger_and_read_blocks_and_transactions() {
        HttpResponse<Buffer> verified = send(auditor(), HttpMethod.POST, "/v1/ledger/verify", "");
        assertThat(verified.statusCode()).as(verified.bodyAsString()).isEqualTo(200);
        assertThat(Json.tree(verified.bodyAsString()).path("intact").asBoolean()).isTrue();

        HttpResponse<Buffer> block = send(auditor(), HttpMethod.GET, "/v1/blocks/1", "");
        assertThat(block.statusCode()).as(block.bodyAsString()).isEqualTo(200);
        JsonNode transaction = Json.tree(block.bodyAsString()).path("transactions").path(0);
        HttpResponse<Buffer> tx = send(auditor(), HttpMethod.GET, "/v1/transactions/"
                + transaction.path("txId").asText(), "");
        assertThat(tx.statusCode()).as(tx.bodyAsString()).isEqualTo(200);
        assertThat(Json.tree(tx.bodyAsString()).path("evidence").path("ledger").asText()).isEqualTo("embedded");
        assertThat(send(bank(), HttpMethod.GET, "/v1/blocks/1", "").statusCode()).isEqualTo(403);
    }

    @Test
    void answers_404_for_a_block_or_transaction_the_ledger_does_not_hold_and_400_for_a_malformed_one() {
        assertProblem(send(auditor(), HttpMethod.GET, "/v1/blocks/1000000000", ""), 404, "BLOCK_NOT_FOUND");
        assertProblem(send(auditor(), HttpMethod.GET, "/v1/blocks/-1", ""), 400, "INVALID_ARGUMENT");
        assertProblem(send(auditor(), HttpMethod.GET, "/v1/blocks/first", ""), 400, "INVALID_ARGUMENT");
        assertProblem(send(auditor(), HttpMethod.GET, "/v1/transactions/" + "0".repeat(64), ""), 404,
                "TRANSACTION_NOT_FOUND");
        assertProblem(send(auditor(), HttpMethod.GET, "/v1/transactions/" + "A".repeat(64), ""), 400,
                "INVALID_ARGUMENT");
    }

    @Test
    void answers_a_grant_whose_stored_record_lacks_a_requested_field_with_502_naming_the_grant() throws Exception {
        int citizen = 6;
        String provider = DemoCatalogue.providerOf(DemoCatalogue.SOCIAL_INSURANCE);
        // a new record of the citizen, anchored like any other, without "monthsPaid"
        NodePlatform platform = demo.platform();
        new RecordImporter(platform.stores().create(provider), new BatchAnchorer(demo.ledger(),
                demo.pki().client(provider)), platform.pseudonyms(), demo.ledger().suite(), 10)
                .importAll(SourceAdapter.of(DemoCatalogue.SOCIAL_INSURANCE, List.of(new SourceRow("RESIDENT_ID",
                        SyntheticRecords.residentId(citizen), 99, Map.of("employer", "浪潮集团", "status", "ACTIVE")))
                        .iterator()), ImportProgress.NONE);

        HttpResponse<Buffer> response = post(bank(), loanRequest(bank(), citizen, LOAN.items()));

        JsonNode problem = assertProblem(response, 502, "RECORD_INCOMPLETE");
        assertThat(problem.path("detail").asText()).contains(DemoCatalogue.SOCIAL_INSURANCE, provider,
                "[monthsPaid]").doesNotContain("浪潮集团", "Exception");
        String accessId = problem.path("accessId").asText();
        JsonNode record = Json.tree(demo.ledger().evaluate(demo.pki().node(), "Access:getAccessRecord", accessId));
        assertThat(record.path("decision").asText()).isEqualTo("GRANTED");
        assertThat(record.hasNonNull("answerHash")).isFalse();
    }

    @Test
    void answers_a_grant_whose_provider_store_cannot_be_read_with_503_naming_the_grant(Vertx vertx,
            @TempDir Path other) throws Exception {
        // a node over a copy of the provider stores, checked intact at its start; then the social
        // insurance centre's file is closed and damaged beyond opening, as a disk can fail under a
        // running node (a store damaged before the start never gets this far: StoreCoverageEndToEndTest)
        String provider = DemoCatalogue.providerOf(DemoCatalogue.SOCIAL_INSURANCE);
        demo.platform().stores().close(); // whole files to copy; the demo opens them again on use
        TestFolders.copy(folder.resolve("providers"), other.resolve("providers"));
        LedgerIdentity node = demo.pki().node();
        try (ProviderStores stores = ProviderStores.open(other);
                DatasetCoverage coverage = DatasetCoverage.open(demo.ledger(), node, stores);
                DeliveryRecorder deliveries = DeliveryRecorder.open(other.resolve("deliveries"), demo.ledger(), node);
                DataRequestService service = new DataRequestService(demo.ledger(), node, stores, coverage,
                        deliveries)) {
            server = await(NodeServer.start(vertx, DemoNodes.config(other), demo.directory(),
                    NodeServices.of(demo.ledger(), node, service)));
            stores.find(provider).orElseThrow().close();
            Path file = other.resolve("providers").resolve(provider).resolve("records.mv.db");
            byte[] bytes = Files.readAllBytes(file);
            Arrays.fill(bytes, (byte) 0x55);
            Files.write(file, bytes);

            HttpResponse<Buffer> response = post(bank(), loanRequest(bank(), 5, LOAN.items()));

            JsonNode problem = assertProblem(response, 503, "PROVIDER_STORE_UNAVAILABLE");
            assertThat(problem.path("detail").asText()).contains(provider, "was granted")
                    .doesNotContain("Exception", "records.mv.db");
            String accessId = problem.path("accessId").asText();
            JsonNode record = Json.tree(demo.ledger().evaluate(node, "Access:getAccessRecord", accessId));
            assertThat(record.path("decision").asText()).isEqualTo("GRANTED");
            assertThat(record.hasNonNull("answerHash")).isFalse();
        }
    }

    @Test
    void imports_and_anchors_every_dataset_of_the_providers() throws Exception {
        for (DemoCatalogue.Entry entry : DemoCatalogue.entries()) {
            JsonNode anchors = Json.tree(demo.ledger().evaluate(demo.pki().node(), "Anchors:listAnchors",
                    entry.definition().id(), "{}"));
            assertThat(anchors.path("records")).as(entry.definition().id()).isNotEmpty();
            assertThat(anchors.path("records").path(0).path("providerMspId").asText())
                    .isEqualTo(entry.providerMspId());
        }
    }

    private boolean deliveryRecorded(String accessId) throws Exception {
        // the node records the delivery after answering: wait for that transaction, boundedly
        for (int i = 0; i < 100; i++) {
            JsonNode record = Json.tree(demo.ledger().evaluate(demo.pki().node(), "Access:getAccessRecord",
                    accessId));
            if (record.hasNonNull("answerHash")) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static LedgerIdentity bank() {
        return demo.pki().client(DemoOrganisation.BANK);
    }

    private static LedgerIdentity auditor() {
        return demo.pki().client(DemoOrganisation.AUDIT_OFFICE);
    }

    private static String loanRequest(LedgerIdentity consumer, int citizen, List<RequestedItem> items) {
        return TryRequest.signedRequest(consumer, demo.subject(citizen), LOAN.consentId(citizen), LOAN.purpose(),
                items);
    }

    private static AccessRequest request(String consumerMspId, int citizen, Instant signedAt) {
        return new AccessRequest(consumerMspId, demo.subject(citizen), LOAN.consentId(citizen), LOAN.purpose(),
                LOAN.items(), null, signedAt.toString(), "n-" + UUID.randomUUID());
    }

    private static String signedBy(LedgerIdentity signer, AccessRequest request) {
        String signature = Base64.getEncoder().encodeToString(signer.identity().sign(Json.canonicalBytes(request)));
        return Json.write(new SignedAccessRequest(request, signer.identity().certificatePem(), signature));
    }

    /** A data request as the SDK sends it: no signature headers, the request's own signature. */
    private HttpResponse<Buffer> postUnsigned(String body) {
        return await(client.request(HttpMethod.POST, server.port(), "127.0.0.1", "/v1/data-requests")
                .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body)));
    }

    private HttpResponse<Buffer> post(LedgerIdentity who, String body) {
        return send(who, HttpMethod.POST, "/v1/data-requests", body);
    }

    private HttpResponse<Buffer> send(LedgerIdentity who, HttpMethod method, String target, String body) {
        return send(RequestSigner.create(who.mspId(), who.identity()).sign(method.name(), target,
                body.getBytes(StandardCharsets.UTF_8)), method, target, body);
    }

    private HttpResponse<Buffer> send(SignatureHeaders headers, HttpMethod method, String target, String body) {
        return await(request(headers, method, target, body));
    }

    private Future<HttpResponse<Buffer>> request(SignatureHeaders headers, HttpMethod method, String target,
            String body) {
        HttpRequest<Buffer> request = client.request(method, server.port(), "127.0.0.1", target);
        headers.asMap().forEach(request::putHeader);
        if (!body.isEmpty()) {
            request.putHeader("Content-Type", "application/json");
        }
        return request.sendBuffer(Buffer.buffer(body));
    }
}
