package org.qcchain.node.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qcchain.node.http.DemoNodes.assertProblem;
import static org.qcchain.node.http.DemoNodes.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.common.json.Json;
import org.qcchain.node.TestFolders;
import org.qcchain.node.answer.DataRequestService;
import org.qcchain.node.answer.DatasetCoverage;
import org.qcchain.node.answer.DeliveryRecorder;
import org.qcchain.node.http.DemoNodes;
import org.qcchain.node.http.NodeServer;
import org.qcchain.node.http.NodeServices;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.store.AnchoredBatch;
import org.qcchain.node.store.BatchAnchorer;
import org.qcchain.node.store.ImportProgress;
import org.qcchain.node.store.ProviderStore;
import org.qcchain.node.store.ProviderStores;
import org.qcchain.node.store.StoreAnchorCheck;
import org.qcchain.node.store.RecordImporter;
import org.qcchain.node.store.SourceAdapter;
import org.qcchain.node.store.SourceRow;
import org.qcchain.node.store.StoredBatch;

/**
 * A node answers a dataset only from a store that holds every batch the ledger anchors for it:
 * each test starts a second node over the demo ledger and a copy of the demo's provider stores,
 * damaged in one way, and sends the bank's loan request to it.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StoreCoverageEndToEndTest {

    @TempDir
    static Path folder;
    static DemoPlatform demo;
    static final DemoService LOAN = DemoService.all().get(0);
    static final String SOCIAL_INSURANCE = DemoCatalogue.providerOf(DemoCatalogue.SOCIAL_INSURANCE);

    @BeforeAll
    static void platform() throws Exception {
        demo = DemoPlatform.create(folder, 300, 11L, new PrintStream(OutputStream.nullOutputStream()));
        // closed, the stores' files are whole for the tests to copy; the demo opens them again on use
        demo.platform().stores().close();
    }

    @AfterAll
    static void close() {
        demo.close();
    }

    @Test
    void checks_every_intact_store_against_the_ledger_and_answers_from_them(Vertx vertx, @TempDir Path other)
            throws Exception {
        TestFolders.copy(folder.resolve("providers"), other.resolve("providers"));

        try (Node node = Node.start(vertx, other)) {
            HttpResponse<Buffer> response = node.post(loanRequest(3));

            assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
            JsonNode health = node.health();
            assertThat(health.path("status").asText()).isEqualTo("UP");
            assertThat(health.path("providerStores")).hasSize(DemoCatalogue.entries().stream()
                    .map(DemoCatalogue.Entry::providerMspId).distinct().toList().size());
            for (JsonNode store : health.path("providerStores")) {
                assertThat(store.path("status").asText()).as(store.toString()).isEqualTo("UP");
                assertThat(store.path("checkedBatches").asInt()).as(store.toString()).isPositive();
                assertThat(store.path("checkedRecords").asLong()).as(store.toString()).isPositive();
            }
        }
    }

    @Test
    void refuses_a_store_overwritten_past_its_headers_before_the_request_reaches_the_ledger(Vertx vertx,
            @TempDir Path other) throws Exception {
        TestFolders.copy(folder.resolve("providers"), other.resolve("providers"));
        // H2's two file headers intact, everything after them overwritten: depending on what survives
        // H2 refuses the file or opens an older or empty version of the store without an error; the
        // check against the ledger's anchors catches both
        Path file = other.resolve("providers").resolve(SOCIAL_INSURANCE).resolve("records.mv.db");
        try (RandomAccessFile damaged = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] fill = new byte[(int) damaged.length() - 8192];
            Arrays.fill(fill, (byte) 0x55);
            damaged.seek(8192);
            damaged.write(fill);
        }
        int citizen = 4;

        try (Node node = Node.start(vertx, other)) {
            HttpResponse<Buffer> response = node.post(loanRequest(citizen));

            JsonNode problem = assertProblem(response, 503, "PROVIDER_STORE_UNAVAILABLE");
            assertThat(problem.path("detail").asText()).contains(SOCIAL_INSURANCE, "nothing was submitted");
            assertThat(problem.has("accessId")).isFalse();
            assertThat(accessRecordsOf(citizen)).isEmpty();
            JsonNode health = node.health();
            assertThat(health.path("status").asText()).isEqualTo("DEGRADED");
            assertThat(storeStatus(health, SOCIAL_INSURANCE).path("status").asText()).isEqualTo("FAILED_CHECK");
            assertThat(storeStatus(health, DemoCatalogue.providerOf(DemoCatalogue.VEHICLES))
                    .path("status").asText()).isEqualTo("UP");
            // why it failed is for the operator and auditors, not for whoever can reach /health
            assertThat(storeStatus(health, SOCIAL_INSURANCE).has("problem")).isFalse();
            HttpResponse<Buffer> info = node.get(DemoOrganisation.BUREAU, "/v1/node");
            assertThat(info.statusCode()).as(info.bodyAsString()).isEqualTo(200);
            JsonNode failed = storeStatus(Json.tree(info.bodyAsString()), SOCIAL_INSURANCE);
            assertThat(failed.path("status").asText()).isEqualTo("FAILED_CHECK");
            assertThat(failed.path("problem").asText()).isNotBlank();
            assertThat(node.get(DemoOrganisation.BANK, "/v1/node").statusCode()).isEqualTo(403);
        }
    }

    @Test
    void stops_answering_a_provider_once_the_ledger_anchors_a_batch_its_store_here_lacks(Vertx vertx,
            @TempDir Path other) throws Exception {
        TestFolders.copy(folder.resolve("providers"), other.resolve("providers"));
        int citizen = 7;

        try (Node node = Node.start(vertx, other)) {
            // the provider imports through another node: that node's store and the ledger get the batch, this one's not
            ProviderStore elsewhere = demo.platform().stores().create(SOCIAL_INSURANCE);
            new RecordImporter(elsewhere, new BatchAnchorer(demo.ledger(), demo.pki().client(SOCIAL_INSURANCE)),
                    demo.platform().pseudonyms(), demo.ledger().suite(), 10)
                    .importAll(SourceAdapter.of(DemoCatalogue.SOCIAL_INSURANCE, List.of(new SourceRow("RESIDENT_ID",
                            SyntheticRecords.residentId(7_000), 0, Map.of("employer", "Inspur"))).iterator()),
                            ImportProgress.NONE);
            demo.platform().stores().close();

            JsonNode health = healthOnceDegraded(node);
            assertThat(storeStatus(health, SOCIAL_INSURANCE).path("status").asText()).isEqualTo("FAILED_CHECK");
            JsonNode problem = assertProblem(node.post(loanRequest(citizen)), 503, "PROVIDER_STORE_UNAVAILABLE");
            assertThat(problem.path("detail").asText()).contains(SOCIAL_INSURANCE, "nothing was submitted");
            assertThat(accessRecordsOf(citizen)).isEmpty();
        }
    }

    /** /health once the node has taken in the anchor's event (delivered after the commit). */
    private static JsonNode healthOnceDegraded(Node node) throws InterruptedException {
        JsonNode health = node.health();
        for (int attempt = 0; attempt < 200 && !"DEGRADED".equals(health.path("status").asText()); attempt++) {
            Thread.sleep(25);
            health = node.health();
        }
        assertThat(health.path("status").asText()).as(health.toString()).isEqualTo("DEGRADED");
        return health;
    }

    @Test
    void refuses_a_dataset_whose_provider_has_no_store_on_the_node_with_421(Vertx vertx, @TempDir Path other)
            throws Exception {
        TestFolders.copy(folder.resolve("providers"), other.resolve("providers"));
        TestFolders.delete(other.resolve("providers").resolve(SOCIAL_INSURANCE));
        int citizen = 5;

        try (Node node = Node.start(vertx, other)) {
            HttpResponse<Buffer> response = node.post(loanRequest(citizen));

            JsonNode problem = assertProblem(response, 421, "RECORDS_NOT_HELD");
            assertThat(problem.path("detail").asText()).contains(SOCIAL_INSURANCE, DemoCatalogue.SOCIAL_INSURANCE);
            assertThat(accessRecordsOf(citizen)).isEmpty();
            assertThat(node.health().path("status").asText()).isEqualTo("UP");

            // an upload would make the folder again: an empty store, which must not answer as if it held all
            node.stores().create(SOCIAL_INSURANCE);

            assertProblem(node.post(loanRequest(citizen)), 421, "RECORDS_NOT_HELD");
            assertThat(accessRecordsOf(citizen)).isEmpty();
            JsonNode health = node.health();
            assertThat(health.path("status").asText()).isEqualTo("DEGRADED");
            assertThat(storeStatus(health, SOCIAL_INSURANCE).path("status").asText()).isEqualTo("NOT_CHECKED");
        }
    }

    @Test
    void finds_lost_record_rows_a_lost_batch_and_a_batch_the_ledger_never_anchored(@TempDir Path other)
            throws Exception {
        TestFolders.copy(folder.resolve("providers"), other.resolve("providers"));
        String dataset = DemoCatalogue.SOCIAL_INSURANCE;
        String batch = firstBatch(other, dataset);
        sql(other, SOCIAL_INSURANCE, "DELETE FROM records WHERE dataset_id = '" + dataset + "' AND batch_id = '"
                + batch + "' AND leaf_index >= 10");
        String vehicles = DemoCatalogue.providerOf(DemoCatalogue.VEHICLES);
        sql(other, vehicles, "DELETE FROM batches WHERE dataset_id = '" + DemoCatalogue.VEHICLES + "'");
        String fund = DemoCatalogue.providerOf(DemoCatalogue.PROVIDENT_FUND);
        sql(other, fund, "INSERT INTO batches (dataset_id, batch_id, record_count, merkle_root, anchor_tx) VALUES ('"
                + DemoCatalogue.PROVIDENT_FUND + "', 'batch-999999', 1, '" + "ab".repeat(32) + "', '"
                + "cd".repeat(32) + "')");

        try (ProviderStores stores = ProviderStores.open(other)) {
            StoreAnchorCheck.Result social = check(stores, SOCIAL_INSURANCE);
            StoreAnchorCheck.Result vehicle = check(stores, vehicles);
            StoreAnchorCheck.Result provident = check(stores, fund);

            assertThat(social.intact()).isFalse();
            assertThat(social.problems()).singleElement().asString()
                    .contains("batch " + batch + " of " + dataset, "holds 10 of its");
            assertThat(vehicle.intact()).isFalse();
            assertThat(vehicle.summary()).contains("of " + DemoCatalogue.VEHICLES
                    + " is anchored on the ledger but not in the store");
            assertThat(provident.problems()).singleElement().asString()
                    .contains("batch-999999", "the ledger holds no anchor of it");
        }
    }

    @Test
    void finds_a_batch_the_store_holds_as_retirements_that_the_ledger_anchors_as_records(@TempDir Path other)
            throws Exception {
        TestFolders.copy(folder.resolve("providers"), other.resolve("providers"));
        String registry = DemoCatalogue.providerOf(DemoCatalogue.REAL_ESTATE);
        String batch = firstBatch(other, DemoCatalogue.REAL_ESTATE);
        sql(other, registry, "UPDATE batches SET retiring = TRUE WHERE dataset_id = '" + DemoCatalogue.REAL_ESTATE
                + "' AND batch_id = '" + batch + "'");

        try (ProviderStores stores = ProviderStores.open(other)) {
            StoreAnchorCheck.Result result = check(stores, registry);

            assertThat(result.problems()).singleElement().asString().contains("batch " + batch + " of "
                    + DemoCatalogue.REAL_ESTATE, "holds versions that retire records in the store but is anchored"
                    + " on the ledger as records");
        }
    }

    @Test
    void notes_an_anchor_a_crash_left_unnoted_in_the_store_and_answers_its_records(@TempDir Path other)
            throws Exception {
        TestFolders.copy(folder.resolve("providers"), other.resolve("providers"));
        String dataset = DemoCatalogue.SOCIAL_INSURANCE;
        // unnoted, and held as the other kind than the anchor says: the same root is the same leaves,
        // so the store takes the anchor's word (what the provider signed) when it notes it
        sql(other, SOCIAL_INSURANCE, "UPDATE batches SET anchor_tx = NULL, retiring = TRUE WHERE dataset_id = '"
                + dataset + "'");

        try (ProviderStores stores = ProviderStores.open(other)) {
            StoreAnchorCheck.Result result = check(stores, SOCIAL_INSURANCE);

            assertThat(result.intact()).as(result.summary()).isTrue();
            List<StoredBatch> batches = stores.find(SOCIAL_INSURANCE).orElseThrow().batches(dataset);
            assertThat(result.adopted()).isEqualTo(batches.size()).isPositive();
            assertThat(batches).allSatisfy(batch -> assertThat(batch.anchored()).isTrue());
            assertThat(batches).noneSatisfy(batch -> assertThat(batch.retiring()).isTrue());
            JsonNode anchor = Json.tree(demo.ledger().evaluate(demo.pki().node(), "Anchors:getAnchor", dataset,
                    batches.get(0).batchId()));
            assertThat(batches.get(0).anchorTx()).isEqualTo(anchor.path("txId").asText());
        }
    }

    @Test
    void resuming_a_batch_the_ledger_already_anchors_as_the_other_kind_takes_the_anchor_s_kind(@TempDir Path other)
            throws Exception {
        TestFolders.copy(folder.resolve("providers"), other.resolve("providers"));
        String fund = DemoCatalogue.providerOf(DemoCatalogue.PROVIDENT_FUND);
        String batch = firstBatch(other, DemoCatalogue.PROVIDENT_FUND);
        // as a crash between the anchor's commit and the store's note of it leaves a batch, here held as retiring
        sql(other, fund, "UPDATE batches SET anchor_tx = NULL, retiring = TRUE WHERE dataset_id = '"
                + DemoCatalogue.PROVIDENT_FUND + "' AND batch_id = '" + batch + "'");

        try (ProviderStores stores = ProviderStores.open(other)) {
            ProviderStore store = stores.find(fund).orElseThrow();
            // nothing else anchors this store here: the anchor lock an import holds is not needed
            List<AnchoredBatch> resumed = new BatchAnchorer(demo.ledger(), demo.pki().client(fund))
                    .resumeUnanchored(store, DemoCatalogue.PROVIDENT_FUND);

            assertThat(resumed).extracting(AnchoredBatch::batchId).containsExactly(batch);
            StoredBatch noted = store.batch(DemoCatalogue.PROVIDENT_FUND, batch).orElseThrow();
            assertThat(noted.anchored()).isTrue();
            assertThat(noted.retiring()).as("the anchor on the ledger is of records").isFalse();
            assertThat(check(stores, fund).intact()).isTrue();
        }
    }

    /** The first batch of a dataset in the provider stores of {@code dataDir}. */
    private static String firstBatch(Path dataDir, String datasetId) {
        try (ProviderStores stores = ProviderStores.open(dataDir)) {
            return stores.find(DemoCatalogue.providerOf(datasetId)).orElseThrow().batches(datasetId).get(0).batchId();
        }
    }

    private static StoreAnchorCheck.Result check(ProviderStores stores, String provider) throws Exception {
        ProviderStore store = stores.find(provider).orElseThrow();
        List<String> datasets = DemoCatalogue.entries().stream().filter(entry -> entry.providerMspId().equals(provider))
                .map(entry -> entry.definition().id()).toList();
        return StoreAnchorCheck.run(store, datasets, demo.ledger(), demo.pki().node());
    }

    private static void sql(Path dataDir, String provider, String statement) throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("providers").resolve(provider).resolve("records").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url, "qcchain", "");
                Statement update = connection.createStatement()) {
            assertThat(update.executeUpdate(statement)).as(statement).isPositive();
        }
    }

    private static JsonNode storeStatus(JsonNode health, String provider) {
        for (JsonNode store : health.path("providerStores")) {
            if (store.path("mspId").asText().equals(provider)) {
                return store;
            }
        }
        throw new AssertionError("no store of " + provider + " in " + health);
    }

    /** The access records of a citizen on the ledger, as the auditor lists them. */
    private static JsonNode accessRecordsOf(int citizen) throws Exception {
        LedgerIdentity auditor = demo.pki().client(DemoOrganisation.AUDIT_OFFICE);
        return Json.tree(demo.ledger().evaluate(auditor, "Access:listAccessRecords", Json.write(
                Map.of("scope", "SUBJECT", "party", demo.subject(citizen), "pageSize", 50)))).path("records");
    }

    private static String loanRequest(int citizen) {
        LedgerIdentity bank = demo.pki().client(DemoOrganisation.BANK);
        return TryRequest.signedRequest(bank, demo.subject(citizen), LOAN.consentId(citizen), LOAN.purpose(),
                LOAN.items());
    }

    /** A node over the demo ledger and the provider stores of {@code dataDir}, checked as at a start. */
    private record Node(NodeServer server, WebClient client, ProviderStores stores, DatasetCoverage coverage,
            DeliveryRecorder deliveries, DataRequestService service) implements AutoCloseable {

        static Node start(Vertx vertx, Path dataDir) throws Exception {
            Files.createDirectories(dataDir.resolve("providers"));
            LedgerIdentity node = demo.pki().node();
            ProviderStores stores = ProviderStores.open(dataDir);
            DatasetCoverage coverage = DatasetCoverage.open(demo.ledger(), node, stores);
            DeliveryRecorder deliveries = DeliveryRecorder.open(dataDir.resolve("deliveries"), demo.ledger(), node);
            DataRequestService service = new DataRequestService(demo.ledger(), node, stores, coverage, deliveries);
            NodeServer server = await(NodeServer.start(vertx, DemoNodes.config(dataDir), demo.directory(),
                    NodeServices.of(demo.ledger(), node, service)));
            return new Node(server, WebClient.create(vertx), stores, coverage, deliveries, service);
        }

        HttpResponse<Buffer> post(String body) {
            LedgerIdentity bank = demo.pki().client(DemoOrganisation.BANK);
            return DemoNodes.signedPost(client, server.port(), bank, "/v1/data-requests", "application/json", body);
        }

        HttpResponse<Buffer> get(String organisation, String target) {
            return DemoNodes.signedGet(client, server.port(), demo.pki().client(organisation), target);
        }

        JsonNode health() {
            return Json.tree(await(client.request(HttpMethod.GET, server.port(), "127.0.0.1", "/health").send())
                    .bodyAsString());
        }

        @Override
        public void close() {
            await(server.stop());
            service.close();
            deliveries.close();
            coverage.close();
            stores.close();
        }
    }
}
