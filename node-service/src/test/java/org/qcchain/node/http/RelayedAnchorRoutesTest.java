package org.qcchain.node.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.qcchain.node.http.DemoNodes.assertProblem;
import static org.qcchain.node.http.DemoNodes.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.common.answer.AnswerItem;
import org.qcchain.common.answer.DataAnswer;
import org.qcchain.common.answer.RecordEvidence;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.node.demo.AnswerCheck;
import org.qcchain.node.demo.DemoCatalogue;
import org.qcchain.node.demo.DemoOrganisation;
import org.qcchain.node.demo.DemoPlatform;
import org.qcchain.node.demo.DemoService;
import org.qcchain.node.demo.SyntheticRecords;
import org.qcchain.node.demo.TryRequest;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.store.ProviderStore;

/**
 * A provider without a node of its own anchors its uploaded records through the Bureau's node in
 * two steps, without ever handing the node its key: the node cuts the batches and answers the
 * statements, the provider signs them, the node relays each signature to the ledger as the
 * operator. The demo platform on a real embedded ledger and real H2 stores in a temporary folder,
 * the Bureau's node on a loopback port, requests signed with real certificates.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RelayedAnchorRoutesTest {

    static final String VEHICLES = DemoCatalogue.VEHICLES;
    static final DemoService MOTOR = DemoService.all().get(1);
    /** A resident the motor insurer asks about; the uploaded records are of this subject. */
    static final int CITIZEN = 7;

    @TempDir
    static Path folder;
    static DemoPlatform demo;

    WebClient client;
    NodeServer bureauNode;

    @BeforeAll
    static void platform() throws Exception {
        demo = DemoPlatform.create(folder, 140, 7L, new PrintStream(OutputStream.nullOutputStream()));
    }

    @AfterAll
    static void close() {
        demo.close();
    }

    @BeforeEach
    void start(Vertx vertx) {
        bureauNode = await(NodeServer.start(vertx, DemoNodes.config(folder), demo.directory(),
                demo.platform().services()));
        client = WebClient.create(vertx);
    }

    @Test
    void the_provider_signs_what_the_bureau_cut_the_bureau_relays_it_and_an_insurer_gets_the_records_verified()
            throws Exception {
        String csv = "subjectType,subjectNumber,sequence,plate,brand,usage,registeredOn,status\r\n"
                + "RESIDENT_ID," + residentId() + ",75,鲁A7501,红旗,PRIVATE,2021-05-01,NORMAL\r\n"
                + "RESIDENT_ID," + residentId() + ",76,鲁A7602,比亚迪,PRIVATE,2022-06-01,NORMAL\r\n";
        HttpResponse<Buffer> uploaded = send(vehicles(), "/v1/datasets/" + VEHICLES + "/records", "text/csv", csv);
        assertThat(uploaded.statusCode()).as(uploaded.bodyAsString()).isEqualTo(201);

        List<JsonNode> batches = cut(1);
        assertThat(batches).hasSizeGreaterThanOrEqualTo(2);
        List<String> anchoredIds = new ArrayList<>();
        for (JsonNode batch : batches) {
            byte[] bytes = Base64.getDecoder().decode(batch.path("bytesToSign").asText());
            assertThat(batch.path("status").asText()).isEqualTo("AWAITING_SIGNATURE");
            assertThat(bytes).isEqualTo(Json.canonicalBytes(batch.path("statement")));
            assertThat(batch.path("digest").asText()).isEqualTo(suite().hashHex(bytes));
            assertThat(batch.path("statement").path("merkleRoot").asText()).isEqualTo(batch.path("merkleRoot").asText());

            HttpResponse<Buffer> anchored = anchor(vehicles(), batch.path("batchId").asText(),
                    signature(vehicles().identity().certificatePem(), vehicles().identity().sign(bytes)));

            assertThat(anchored.statusCode()).as(anchored.bodyAsString()).isEqualTo(200);
            JsonNode receipt = Json.tree(anchored.bodyAsString());
            JsonNode onLedger = ledgerAnchor(batch.path("batchId").asText());
            assertThat(receipt.path("batchId").asText()).isEqualTo(batch.path("batchId").asText());
            assertThat(receipt.path("merkleRoot").asText()).isEqualTo(batch.path("merkleRoot").asText());
            assertThat(receipt.path("records").asInt()).isEqualTo(batch.path("records").asInt());
            assertThat(onLedger.path("txId").asText()).isEqualTo(receipt.path("txId").asText());
            assertThat(onLedger.path("providerMspId").asText()).isEqualTo(DemoOrganisation.VEHICLES);
            assertThat(onLedger.path("relayedBy").asText()).isEqualTo(demo.pki().node().mspId());
            assertThat(onLedger.path("signerCertificate").asText()).isEqualTo(vehicles().identity().certificatePem());
            anchoredIds.add(batch.path("batchId").asText());
        }
        assertThat(cut(1)).extracting(b -> b.path("batchId").asText()).doesNotContainAnyElementsOf(anchoredIds);

        LedgerIdentity insurer = demo.pki().client(MOTOR.consumerMspId());
        String request = TryRequest.signedRequest(insurer, demo.subject(CITIZEN), MOTOR.consentId(CITIZEN),
                MOTOR.purpose(), MOTOR.items());
        HttpResponse<Buffer> answered = send(insurer, "/v1/data-requests", "application/json", request);

        assertThat(answered.statusCode()).as(answered.bodyAsString()).isEqualTo(200);
        DataAnswer answer = DataAnswer.fromJson(answered.bodyAsString());
        AnswerCheck.verify(answer);
        List<String> plates = new ArrayList<>();
        for (AnswerItem item : answer.items()) {
            if (item.datasetId().equals(VEHICLES)) {
                for (RecordEvidence record : item.records()) {
                    plates.add(record.disclosure().disclosedValues().get("plate").asText());
                    if (anchoredIds.contains(record.anchor().path("statement").path("batchId").asText())) {
                        assertThat(record.anchor().path("relayedBy").asText()).isEqualTo(demo.pki().node().mspId());
                    }
                }
            }
        }
        assertThat(plates).contains("鲁A7501", "鲁A7602");
    }

    @Test
    void cutting_again_answers_the_same_waiting_batches_and_cuts_nothing_twice() {
        assertThat(send(vehicles(), "/v1/datasets/" + VEHICLES + "/records", "application/x-ndjson",
                ndjson(301) + "\n" + ndjson(302) + "\n").statusCode()).isEqualTo(201);

        List<JsonNode> first = cut(100);
        int batches = store().batchCount(VEHICLES);
        List<JsonNode> second = cut(100);

        assertThat(first).isNotEmpty();
        assertThat(second).isEqualTo(first);
        assertThat(store().batchCount(VEHICLES)).isEqualTo(batches);
        assertThat(store().pendingCount(VEHICLES)).isZero();
        for (JsonNode batch : second) {
            assertThat(store().batch(VEHICLES, batch.path("batchId").asText()).orElseThrow().anchored()).isFalse();
        }
    }

    @Nested
    class Refuses {

        @Test
        void a_signature_over_other_bytes_or_not_base64_with_401_bad_signature_writing_nothing() {
            JsonNode batch = waitingBatch();
            byte[] other = Json.canonicalBytes(((ObjectNode) batch.path("statement").deepCopy())
                    .put("merkleRoot", "ab".repeat(32)));

            assertNothingWritten(batch, () -> {
                assertProblem(anchor(vehicles(), batch.path("batchId").asText(), signature(
                        vehicles().identity().certificatePem(), vehicles().identity().sign(other))), 401,
                        "BAD_SIGNATURE");
                assertProblem(anchor(vehicles(), batch.path("batchId").asText(), Json.mapper().createObjectNode()
                        .put("certificate", vehicles().identity().certificatePem()).put("signature", "%%%")), 401,
                        "BAD_SIGNATURE");
            });
        }

        @Test
        void a_statement_signed_with_a_certificate_of_another_organisation_with_401_writing_nothing() {
            JsonNode batch = waitingBatch();
            byte[] bytes = Base64.getDecoder().decode(batch.path("bytesToSign").asText());
            LedgerIdentity social = demo.pki().client(DemoOrganisation.SOCIAL_INSURANCE);
            LedgerIdentity bureau = demo.pki().node();

            assertNothingWritten(batch, () -> {
                JsonNode problem = assertProblem(anchor(vehicles(), batch.path("batchId").asText(), signature(
                        social.identity().certificatePem(), social.identity().sign(bytes))), 401,
                        "CERTIFICATE_UNTRUSTED");
                assertThat(problem.path("detail").asText()).contains(DemoOrganisation.VEHICLES);
                assertProblem(anchor(vehicles(), batch.path("batchId").asText(), signature(
                        bureau.identity().certificatePem(), bureau.identity().sign(bytes))), 401,
                        "CERTIFICATE_UNTRUSTED");
            });
        }

        @Test
        void another_provider_or_a_consumer_on_either_route_with_403_writing_nothing() {
            JsonNode batch = waitingBatch();
            byte[] bytes = Base64.getDecoder().decode(batch.path("bytesToSign").asText());
            ObjectNode signed = signature(vehicles().identity().certificatePem(), vehicles().identity().sign(bytes));
            LedgerIdentity social = demo.pki().client(DemoOrganisation.SOCIAL_INSURANCE);
            LedgerIdentity bank = demo.pki().client(DemoOrganisation.BANK);

            assertNothingWritten(batch, () -> {
                assertProblem(anchor(social, batch.path("batchId").asText(), signed), 403, "NOT_AUTHORIZED");
                assertProblem(anchor(bank, batch.path("batchId").asText(), signed), 403, "NOT_AUTHORIZED");
                assertProblem(send(social, "/v1/datasets/" + VEHICLES + "/batches", null, ""), 403,
                        "NOT_AUTHORIZED");
                assertProblem(send(bank, "/v1/datasets/" + VEHICLES + "/batches", null, ""), 403,
                        "NOT_AUTHORIZED");
            });
        }

        @Test
        void an_unknown_batch_with_404_and_a_malformed_body_or_batch_size_with_400() {
            JsonNode batch = waitingBatch();
            byte[] bytes = Base64.getDecoder().decode(batch.path("bytesToSign").asText());
            ObjectNode signed = signature(vehicles().identity().certificatePem(), vehicles().identity().sign(bytes));

            assertNothingWritten(batch, () -> {
                assertProblem(anchor(vehicles(), "batch-999999", signed), 404, "ANCHOR_NOT_FOUND");
                assertProblem(send(vehicles(), "/v1/datasets/no.such.dataset/batches/batch-000001/anchor",
                        "application/json", Json.write(signed)), 404, "DATASET_NOT_FOUND");
                assertProblem(anchor(vehicles(), batch.path("batchId").asText(), signed.deepCopy().put("extra", 1)),
                        400, "INVALID_ARGUMENT");
                assertProblem(anchor(vehicles(), batch.path("batchId").asText(), Json.mapper().createObjectNode()
                        .put("signature", signed.path("signature").asText())), 400, "INVALID_ARGUMENT");
                assertProblem(send(vehicles(), "/v1/datasets/" + VEHICLES + "/batches?batchSize=0", null, ""), 400,
                        "INVALID_ARGUMENT");
            });
        }

        @Test
        void a_batch_anchored_already_with_409_anchor_exists() {
            JsonNode batch = waitingBatch();
            byte[] bytes = Base64.getDecoder().decode(batch.path("bytesToSign").asText());
            ObjectNode signed = signature(vehicles().identity().certificatePem(), vehicles().identity().sign(bytes));
            HttpResponse<Buffer> first = anchor(vehicles(), batch.path("batchId").asText(), signed);
            assertThat(first.statusCode()).as(first.bodyAsString()).isEqualTo(200);
            long height = demo.ledger().height();

            assertProblem(anchor(vehicles(), batch.path("batchId").asText(), signed), 409, "ANCHOR_EXISTS");

            assertThat(demo.ledger().height()).isEqualTo(height);
        }
    }

    /** A batch of one new record, cut and waiting for its signature. */
    private JsonNode waitingBatch() {
        assertThat(send(vehicles(), "/v1/datasets/" + VEHICLES + "/records", "application/x-ndjson",
                ndjson(400 + store().batchCount(VEHICLES))).statusCode()).isEqualTo(201);
        List<JsonNode> batches = cut(100);
        assertThat(batches).isNotEmpty();
        return batches.get(batches.size() - 1);
    }

    private void assertNothingWritten(JsonNode batch, Runnable action) {
        long height = demo.ledger().height();
        int batches = store().batchCount(VEHICLES);
        action.run();
        assertThat(demo.ledger().height()).isEqualTo(height);
        assertThat(store().batchCount(VEHICLES)).isEqualTo(batches);
        assertThat(store().batch(VEHICLES, batch.path("batchId").asText()).orElseThrow().anchored()).isFalse();
        ChaincodeFailure absent = catchThrowableOfType(ChaincodeFailure.class, () -> ledgerAnchor(
                batch.path("batchId").asText()));
        assertThat(absent.errorCode()).isEqualTo(ErrorCode.ANCHOR_NOT_FOUND);
    }

    private List<JsonNode> cut(int batchSize) {
        HttpResponse<Buffer> response = send(vehicles(), "/v1/datasets/" + VEHICLES + "/batches?batchSize="
                + batchSize, null, "");
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        JsonNode answer = Json.tree(response.bodyAsString());
        assertThat(answer.path("datasetId").asText()).isEqualTo(VEHICLES);
        List<JsonNode> batches = new ArrayList<>();
        answer.path("batches").forEach(batches::add);
        return batches;
    }

    private HttpResponse<Buffer> anchor(LedgerIdentity who, String batchId, JsonNode body) {
        return send(who, "/v1/datasets/" + VEHICLES + "/batches/" + batchId + "/anchor", "application/json",
                Json.write(body));
    }

    private static ObjectNode signature(String certificatePem, byte[] signature) {
        return Json.mapper().createObjectNode().put("certificate", certificatePem)
                .put("signature", Base64.getEncoder().encodeToString(signature));
    }

    private static JsonNode ledgerAnchor(String batchId) throws ChaincodeFailure {
        return Json.tree(demo.ledger().evaluate(demo.pki().node(), "Anchors:getAnchor", VEHICLES, batchId));
    }

    /** A record of a subject nobody requests in these tests, so that incomplete records stay out of answers. */
    private static String ndjson(int sequence) {
        return "{\"subjectType\":\"RESIDENT_ID\",\"subjectNumber\":\"" + SyntheticRecords.residentId(2600)
                + "\",\"sequence\":" + sequence + ",\"fields\":{\"plate\":\"鲁A0000\",\"brand\":\"长城\"}}";
    }

    private static String residentId() {
        return SyntheticRecords.residentId(CITIZEN);
    }

    private static CryptoSuite suite() {
        return demo.ledger().suite();
    }

    private static ProviderStore store() {
        return demo.platform().stores().create(DemoOrganisation.VEHICLES);
    }

    private static LedgerIdentity vehicles() {
        return demo.pki().client(DemoOrganisation.VEHICLES);
    }

    private HttpResponse<Buffer> send(LedgerIdentity who, String target, String contentType, String body) {
        return DemoNodes.signedPost(client, bureauNode.port(), who, target, contentType, body);
    }
}
