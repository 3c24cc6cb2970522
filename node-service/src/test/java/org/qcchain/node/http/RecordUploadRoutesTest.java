package org.qcchain.node.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qcchain.node.http.DemoNodes.assertProblem;
import static org.qcchain.node.http.DemoNodes.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.qcchain.common.json.Json;
import org.qcchain.node.config.NodeConfig;
import org.qcchain.node.demo.AnswerCheck;
import org.qcchain.node.demo.DemoCatalogue;
import org.qcchain.node.demo.DemoOrganisation;
import org.qcchain.node.demo.DemoPlatform;
import org.qcchain.node.demo.DemoService;
import org.qcchain.node.demo.SyntheticRecords;
import org.qcchain.node.demo.TryRequest;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.store.ProviderStore;
import org.qcchain.node.store.RecordUploads;

/**
 * Provider uploads and anchoring over HTTP, end to end: the demo platform on a real embedded
 * ledger and real H2 stores in a temporary folder, two real nodes on loopback ports sharing it
 * (the vehicle administration's own node, which signs as the provider, and the Big Data Bureau's,
 * which answers the banks and insurers), requests signed with real certificates.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RecordUploadRoutesTest {

    static final String VEHICLES = DemoCatalogue.VEHICLES;
    static final DemoService MOTOR = DemoService.all().get(1);
    /** A resident id that must never reach the store, the ledger or an answer in clear. */
    static final int CITIZEN = 7;
    static final int MAX_BULK = 32 * 1024;

    @TempDir
    static Path folder;
    static DemoPlatform demo;

    WebClient client;
    NodeServer providerNode;
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
        NodeConfig config = DemoNodes.config(folder, new NodeConfig.Limits(4096, 200, 50, MAX_BULK));
        RecordUploads uploads = new RecordUploads(demo.platform().stores(), demo.platform().pseudonyms(),
                demo.ledger().suite());
        providerNode = await(NodeServer.start(vertx, config, demo.directory(),
                NodeServices.of(demo.ledger(), vehicles(), demo.dataRequests()).withUploads(uploads)));
        bureauNode = await(NodeServer.start(vertx, config, demo.directory(), demo.platform().services()));
        client = WebClient.create(vertx);
    }

    @Test
    void uploads_csv_anchors_it_and_an_insurer_gets_the_uploaded_records_verified() throws Exception {
        String csv = "subjectType,subjectNumber,sequence,plate,brand,usage,registeredOn,status\r\n"
                + "RESIDENT_ID," + residentId() + ",70,\"鲁A,7007\",红旗,PRIVATE,2021-05-01,NORMAL\r\n"
                + "RESIDENT_ID," + residentId() + ",71,\"鲁A\"\"7107\",\"比亚迪\n(new energy)\",PRIVATE,2022-06-01,NORMAL\r\n";

        HttpResponse<Buffer> uploaded = send(providerNode, vehicles(), "/v1/datasets/" + VEHICLES + "/records",
                "text/csv", csv);
        assertThat(uploaded.statusCode()).as(uploaded.bodyAsString()).isEqualTo(201);
        assertThat(Json.tree(uploaded.bodyAsString()).path("stored").asLong()).isEqualTo(2);

        HttpResponse<Buffer> anchored = send(providerNode, vehicles(), "/v1/datasets/" + VEHICLES + "/anchors",
                null, "");
        assertThat(anchored.statusCode()).as(anchored.bodyAsString()).isEqualTo(200);
        JsonNode batches = Json.tree(anchored.bodyAsString()).path("anchored");
        assertThat(batches).isNotEmpty();
        String txId = batches.path(batches.size() - 1).path("txId").asText();
        assertThat(Json.tree(demo.ledger().evaluate(demo.pki().node(), "Anchors:getAnchor", VEHICLES,
                batches.path(batches.size() - 1).path("batchId").asText())).path("txId").asText()).isEqualTo(txId);
        assertThat(store().pendingCount(VEHICLES)).isZero();

        LedgerIdentity insurer = demo.pki().client(MOTOR.consumerMspId());
        String request = TryRequest.signedRequest(insurer, demo.subject(CITIZEN), MOTOR.consentId(CITIZEN),
                MOTOR.purpose(), MOTOR.items());
        HttpResponse<Buffer> answered = send(bureauNode, insurer, "/v1/data-requests", "application/json", request);

        assertThat(answered.statusCode()).as(answered.bodyAsString()).isEqualTo(200);
        DataAnswer answer = DataAnswer.fromJson(answered.bodyAsString());
        AnswerCheck.verify(answer);
        List<String> plates = new ArrayList<>();
        for (AnswerItem item : answer.items()) {
            if (item.datasetId().equals(VEHICLES)) {
                for (RecordEvidence record : item.records()) {
                    plates.add(record.disclosure().disclosedValues().get("plate").asText());
                }
            }
        }
        assertThat(plates).contains("鲁A,7007", "鲁A\"7107");
        assertThat(answered.bodyAsString() + anchored.bodyAsString() + uploaded.bodyAsString())
                .doesNotContain(residentId());
    }

    @Test
    void uploads_one_json_record_and_ndjson_records_to_wait_for_an_anchor() {
        long before = store().pendingCount(VEHICLES);
        String single = "{\"subjectType\":\"RESIDENT_ID\",\"subjectNumber\":\"" + otherId() + "\",\"sequence\":80,"
                + "\"fields\":{\"plate\":\"鲁A8080\",\"brand\":\"吉利\",\"usage\":\"PRIVATE\",\"registeredOn\":"
                + "\"2020-01-02\",\"status\":null}}";
        String ndjson = ndjson(81, "plate") + "\n\n" + ndjson(82, "plate") + "\n";

        HttpResponse<Buffer> one = send(providerNode, vehicles(), "/v1/datasets/" + VEHICLES + "/records",
                "application/json", single);
        HttpResponse<Buffer> many = send(providerNode, vehicles(), "/v1/datasets/" + VEHICLES + "/records",
                "application/x-ndjson; charset=utf-8", ndjson);

        assertThat(one.statusCode()).as(one.bodyAsString()).isEqualTo(201);
        assertThat(many.statusCode()).as(many.bodyAsString()).isEqualTo(201);
        assertThat(Json.tree(many.bodyAsString()).path("stored").asLong()).isEqualTo(2);
        assertThat(Json.tree(many.bodyAsString()).path("pending").asLong()).isEqualTo(before + 3);
        assertThat(store().pendingCount(VEHICLES)).isEqualTo(before + 3);
    }

    @Nested
    class Refuses {

        @Test
        void a_csv_with_an_unterminated_quote_naming_its_line_and_storing_nothing() {
            String csv = "subjectType,subjectNumber,plate\n"
                    + "RESIDENT_ID," + otherId() + ",鲁A1111\n"
                    + "RESIDENT_ID," + otherId() + ",\"鲁A2222\n";

            assertNothingStored(() -> {
                JsonNode problem = assertProblem(send(providerNode, vehicles(), "/v1/datasets/" + VEHICLES
                        + "/records", "text/csv", csv), 400, "INVALID_ARGUMENT");
                assertThat(problem.path("detail").asText()).contains("line 3", "nothing was stored")
                        .doesNotContain(otherId());
            });
        }

        @Test
        void an_ndjson_line_with_a_field_the_catalogue_does_not_have_storing_not_even_the_good_lines() {
            String ndjson = ndjson(90, "plate") + "\n" + ndjson(91, "colour") + "\n" + ndjson(92, "plate") + "\n";

            assertNothingStored(() -> {
                JsonNode problem = assertProblem(send(providerNode, vehicles(), "/v1/datasets/" + VEHICLES
                        + "/records", "application/x-ndjson", ndjson), 400, "INVALID_ARGUMENT");
                assertThat(problem.path("detail").asText()).contains("line 2", "'colour'")
                        .doesNotContain(otherId());
            });
        }

        @Test
        void an_upload_to_a_live_dataset_whose_values_stay_in_the_provider_s_database() throws Exception {
            LedgerIdentity hospital = demo.pki().client(DemoOrganisation.HOSPITAL);
            String record = "{\"subjectType\":\"RESIDENT_ID\",\"subjectNumber\":\"" + otherId()
                    + "\",\"fields\":{\"department\":\"内科\"}}";
            long pending = demo.platform().stores().create(DemoOrganisation.HOSPITAL).pendingCount(DemoCatalogue.HOSPITAL);

            JsonNode problem = assertProblem(send(providerNode, hospital, "/v1/datasets/" + DemoCatalogue.HOSPITAL
                    + "/records", "application/json", record), 400, "INVALID_ARGUMENT");

            assertThat(problem.path("detail").asText()).contains("is live", "--values source", "nothing was stored")
                    .doesNotContain(otherId());
            assertThat(demo.platform().stores().create(DemoOrganisation.HOSPITAL).pendingCount(DemoCatalogue.HOSPITAL))
                    .isEqualTo(pending);
        }

        @Test
        void malformed_ndjson_and_a_bad_identifier_naming_the_line() {
            assertNothingStored(() -> {
                assertThat(assertProblem(send(providerNode, vehicles(), "/v1/datasets/" + VEHICLES + "/records",
                        "application/x-ndjson", ndjson(93, "plate") + "\n{\"subjectType\":"), 400, "INVALID_ARGUMENT")
                        .path("detail").asText()).contains("line 2");
                String badType = ndjson(94, "plate").replace("RESIDENT_ID", "resident id");
                assertThat(assertProblem(send(providerNode, vehicles(), "/v1/datasets/" + VEHICLES + "/records",
                        "application/x-ndjson", badType), 400, "INVALID_ARGUMENT").path("detail").asText())
                        .contains("line 1");
            });
        }

        @Test
        void an_unknown_dataset_with_404_and_another_providers_dataset_with_403() {
            assertProblem(send(providerNode, vehicles(), "/v1/datasets/no.such.dataset/records", "application/x-ndjson",
                    ndjson(95, "plate")), 404, "DATASET_NOT_FOUND");
            assertNothingStored(() -> assertProblem(send(providerNode, vehicles(), "/v1/datasets/"
                    + DemoCatalogue.SOCIAL_INSURANCE + "/records", "application/x-ndjson", ndjson(96, "employer")),
                    403, "NOT_AUTHORIZED"));
        }

        @Test
        void a_consumer_uploading_with_403() {
            LedgerIdentity bank = demo.pki().client(DemoOrganisation.BANK);

            assertNothingStored(() -> assertProblem(send(providerNode, bank, "/v1/datasets/" + VEHICLES + "/records",
                    "application/x-ndjson", ndjson(97, "plate")), 403, "NOT_AUTHORIZED"));
        }

        @Test
        void a_body_over_the_bulk_limit_and_a_single_record_over_the_json_limit_with_413() {
            StringBuilder big = new StringBuilder();
            for (int i = 0; big.length() <= MAX_BULK; i++) {
                big.append(ndjson(1000 + i, "plate")).append('\n');
            }
            String single = ndjson(98, "plate").replace("鲁A0000", "x".repeat(5000));

            assertNothingStored(() -> {
                assertProblem(send(providerNode, vehicles(), "/v1/datasets/" + VEHICLES + "/records",
                        "application/x-ndjson", big.toString()), 413, "PAYLOAD_TOO_LARGE");
                assertProblem(send(providerNode, vehicles(), "/v1/datasets/" + VEHICLES + "/records",
                        "application/json", single), 413, "PAYLOAD_TOO_LARGE");
            });
        }

        @Test
        void a_body_of_another_media_type_with_415() {
            assertNothingStored(() -> assertProblem(send(providerNode, vehicles(), "/v1/datasets/" + VEHICLES
                    + "/records", "application/xml", "<record/>"), 415, "UNSUPPORTED_MEDIA_TYPE"));
        }

        @Test
        void anchoring_through_a_node_that_cannot_sign_for_the_provider_with_403() {
            JsonNode problem = assertProblem(send(bureauNode, vehicles(), "/v1/datasets/" + VEHICLES + "/anchors",
                    null, ""), 403, "NOT_AUTHORIZED");

            assertThat(problem.path("detail").asText()).contains("holds no key of " + DemoOrganisation.VEHICLES);
        }

        @Test
        void anchoring_another_providers_dataset_with_403() {
            assertProblem(send(providerNode, vehicles(), "/v1/datasets/" + DemoCatalogue.SOCIAL_INSURANCE
                    + "/anchors", null, ""), 403, "NOT_AUTHORIZED");
        }
    }

    private void assertNothingStored(Runnable action) {
        long pending = store().pendingCount(VEHICLES);
        long records = store().recordCount(VEHICLES);
        long social = demo.platform().stores().create(DemoOrganisation.SOCIAL_INSURANCE)
                .pendingCount(DemoCatalogue.SOCIAL_INSURANCE);
        action.run();
        assertThat(store().pendingCount(VEHICLES)).isEqualTo(pending);
        assertThat(store().recordCount(VEHICLES)).isEqualTo(records);
        assertThat(demo.platform().stores().create(DemoOrganisation.SOCIAL_INSURANCE)
                .pendingCount(DemoCatalogue.SOCIAL_INSURANCE)).isEqualTo(social);
    }

    /** A record of a subject nobody requests in these tests, so that incomplete records stay out of answers. */
    private static String ndjson(int sequence, String field) {
        return "{\"subjectType\":\"RESIDENT_ID\",\"subjectNumber\":\"" + otherId() + "\",\"sequence\":" + sequence
                + ",\"fields\":{\"" + field + "\":\"鲁A0000\",\"brand\":\"长城\"}}";
    }

    private static String residentId() {
        return SyntheticRecords.residentId(CITIZEN);
    }

    private static String otherId() {
        return SyntheticRecords.residentId(2500);
    }

    private static ProviderStore store() {
        return demo.platform().stores().create(DemoOrganisation.VEHICLES);
    }

    private static LedgerIdentity vehicles() {
        return demo.pki().client(DemoOrganisation.VEHICLES);
    }

    private HttpResponse<Buffer> send(NodeServer node, LedgerIdentity who, String target, String contentType,
            String body) {
        return DemoNodes.signedPost(client, node.port(), who, target, contentType, body);
    }
}
