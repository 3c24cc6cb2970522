package org.qcchain.node.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qcchain.node.http.DemoNodes.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.chaincode.model.Anchor;
import org.qcchain.chaincode.model.FieldSpec;
import org.qcchain.common.answer.DataAnswer;
import org.qcchain.common.answer.RecordEvidence;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.json.Json;
import org.qcchain.node.TestFolders;
import org.qcchain.node.http.DemoNodes;
import org.qcchain.node.http.NodeServer;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.ledger.LedgerPages;
import org.qcchain.node.sdk.PublishedTrustAnchors;
import org.qcchain.node.store.BatchAnchorer;
import org.qcchain.node.store.DataFolderUrl;
import org.qcchain.node.store.ImportProgress;
import org.qcchain.node.store.ImportSummary;
import org.qcchain.node.store.JdbcSource;
import org.qcchain.node.store.LiveAccess;
import org.qcchain.node.store.ProviderStore;
import org.qcchain.node.store.ProviderStores;
import org.qcchain.node.store.RecordImporter;
import org.qcchain.node.store.SourceAdapter;
import org.qcchain.node.store.SourceRecordChanged;
import org.qcchain.node.store.SourceRow;
import org.qcchain.node.store.StoreAnchorCheck;
import org.qcchain.node.store.StoreException;
import org.qcchain.sdk.verify.VerifiedAnchor;
import org.qcchain.sdk.verify.Verifier;

/**
 * A live dataset end to end: the demo hospital's visits stay in its own database (an H2 file of
 * its own layout, {@link DemoHospitalSystem}); the node's store keeps commitments and row keys, and
 * each answer reads the rows again. Each test works on its own citizen, so that the order of the
 * tests does not matter.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LiveSourceEndToEndTest {

    @TempDir
    static Path folder;
    static DemoPlatform demo;
    static final DemoService HEALTH = DemoService.all().get(2);
    static final String HOSPITAL = DemoCatalogue.HOSPITAL;

    NodeServer server;
    WebClient client;

    @BeforeAll
    static void platform() throws Exception {
        demo = DemoPlatform.create(folder, 300, 13L, new PrintStream(OutputStream.nullOutputStream()));
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

    @AfterEach
    void stop() {
        DemoNodes.await(server.stop());
    }

    @Test
    void answers_from_the_hospital_s_own_database_and_keeps_no_value_in_the_store() throws Exception {
        HttpResponse<Buffer> response = claim(1);

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        DataAnswer answer = DataAnswer.fromJson(response.bodyAsString());
        AnswerCheck.verify(answer);
        List<RecordEvidence> records = answer.items().get(0).records();
        assertThat(records).isNotEmpty();
        assertThat(records.stream().map(LiveSourceEndToEndTest::department).sorted().toList())
                .isEqualTo(sourceDepartments(1));
        try (Connection store = storeDatabase();
                PreparedStatement query = store.prepareStatement("SELECT COUNT(*), COUNT(fields), COUNT(source_row)"
                        + " FROM records WHERE dataset_id = ? AND NOT retired")) {
            query.setString(1, HOSPITAL);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).isPositive();
                assertThat(rows.getLong(2)).as("records holding values").isZero();
                assertThat(rows.getLong(3)).isEqualTo(rows.getLong(1));
            }
        }
    }

    @Test
    void refuses_a_changed_row_with_502_until_the_hospital_imports_again_which_anchors_only_that_row()
            throws Exception {
        int citizen = 2;
        long rowId = rowIdOf(citizen);
        source("UPDATE HIS_VISITS SET DEPARTMENT = '急诊科' WHERE ROW_ID = " + rowId);

        JsonNode problem = assertProblem(claim(citizen), 502, "SOURCE_RECORD_CHANGED");

        assertThat(problem.path("detail").asText()).contains(HOSPITAL, DemoOrganisation.HOSPITAL, "has other values",
                "import").doesNotContain("急诊科");
        JsonNode record = Json.tree(demo.ledger().evaluate(demo.pki().node(), "Access:getAccessRecord",
                problem.path("accessId").asText()));
        assertThat(record.path("decision").asText()).isEqualTo("GRANTED");
        assertThat(record.hasNonNull("answerHash")).isFalse();

        ImportSummary again = importLive();

        assertThat(again.records()).isEqualTo(1);
        assertThat(again.skipped()).isPositive();
        HttpResponse<Buffer> response = claim(citizen);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        DataAnswer answer = DataAnswer.fromJson(response.bodyAsString());
        AnswerCheck.verify(answer);
        assertThat(answer.items().get(0).records()).anySatisfy(evidence -> {
            assertThat(department(evidence)).isEqualTo("急诊科");
            assertThat(evidence.disclosure().version()).isEqualTo(2);
        });
    }

    @Test
    void refuses_a_row_deleted_at_the_source_with_502() throws Exception {
        int citizen = 3;
        source("DELETE FROM HIS_VISITS WHERE ROW_ID = " + rowIdOf(citizen));

        JsonNode problem = assertProblem(claim(citizen), 502, "SOURCE_RECORD_CHANGED");

        assertThat(problem.path("detail").asText()).contains("is no longer in the source", "--missing retire");
    }

    @Test
    void retires_a_record_whose_row_was_deleted_so_that_the_subject_is_answered_again() throws Exception {
        int citizen = 8;
        long rowId = rowIdOf(citizen);
        String recordId = recordIdOf(rowId);
        deleteKeeping(rowId, "DELETED_VISIT");
        assertProblem(claim(citizen), 502, "SOURCE_RECORD_CHANGED");

        ImportSummary retiring = importLive(importer().retiringMissing());

        assertThat(retiring.records()).isZero();
        assertThat(retiring.retired()).isPositive();
        assertThat(newestVersion(recordId)).isEqualTo(new Version(2, true));
        assertThat(newestAnchorsRetire(retiring.batchIds().size())).containsOnly(true);
        // the node lists the anchors as the ledger holds them, the retiring ones marked, to any organisation
        List<JsonNode> listed = anchorsThroughTheNode(DemoOrganisation.AUDIT_OFFICE);
        assertThat(listed).extracting(anchor -> anchor.path("statement").path("retiring").asBoolean(false))
                .containsExactlyElementsOf(newestAnchorsRetire(listed.size()));
        assertThat(listed.get(listed.size() - 1).path("statement").path("batchId").asText())
                .isEqualTo(retiring.batchIds().get(retiring.batchIds().size() - 1));
        // an auditor's SDK verifies the retiring anchor like any other, and reads that it retires
        JsonNode retiringAnchor = listed.get(listed.size() - 1);
        HttpResponse<Buffer> transaction = DemoNodes.signedGet(client, server.port(),
                demo.pki().client(DemoOrganisation.AUDIT_OFFICE), "/v1/transactions/" + retiringAnchor.path("txId").asText());
        TransactionEvidence anchorEvidence = Json.mapper().treeToValue(
                Json.tree(transaction.bodyAsString()).path("evidence"), TransactionEvidence.class);
        VerifiedAnchor verified = Verifier.builder().trustAnchors(PublishedTrustAnchors.of(folder))
                .suite(demo.ledger().suite()).build()
                .verifyAnchor(retiringAnchor, anchorEvidence, demo.pki().node().identity().certificatePem());
        assertThat(verified.retiring()).isTrue();
        assertThat(verified.datasetId()).isEqualTo(HOSPITAL);
        assertThat(verified.recordCount()).isEqualTo(retiringAnchor.path("statement").path("recordCount").asLong());
        HttpResponse<Buffer> answered = claim(citizen);
        assertThat(answered.statusCode()).as(answered.bodyAsString()).isEqualTo(200);
        DataAnswer answer = DataAnswer.fromJson(answered.bodyAsString());
        AnswerCheck.verify(answer);
        List<RecordEvidence> records = answer.items().get(0).records();
        assertThat(records).noneSatisfy(evidence -> assertThat(evidence.disclosure().recordId()).isEqualTo(recordId));
        assertThat(records.stream().map(LiveSourceEndToEndTest::department).sorted().toList())
                .isEqualTo(sourceDepartments(citizen));

        // the row is back: an import anchors it as the version after the retiring one
        restore("DELETED_VISIT");
        ImportSummary back = importLive();

        assertThat(back.records()).isEqualTo(1);
        assertThat(back.retired()).isZero();
        assertThat(newestAnchorsRetire(1)).containsExactly(false);
        assertAnswered(citizen, recordId, 3);
    }

    @Test
    void anchors_a_retirement_cut_short_before_the_row_that_came_back_so_that_the_row_is_answered()
            throws Exception {
        int citizen = 0;
        long rowId = rowIdOf(citizen);
        String recordId = recordIdOf(rowId);
        deleteKeeping(rowId, "GONE_VISIT");
        assertThatThrownBy(() -> importLive(refusedImporter().retiringMissing())).isInstanceOf(ChaincodeFailure.class);
        assertThat(newestVersion(recordId)).isEqualTo(new Version(2, true));
        // as a store written before batches had a kind holds it: the schema's upgrade tells it from its rows
        demo.platform().stores().close();
        try (Connection store = storeDatabase()) {
            assertThat(store.createStatement().executeUpdate("UPDATE batches SET retiring = FALSE WHERE anchor_tx IS NULL"))
                    .isEqualTo(1);
        }
        assertProblem(claim(citizen), 502, "SOURCE_RECORD_CHANGED"); // the retirement is not anchored: not taken

        restore("GONE_VISIT");
        ImportSummary back = importLive();

        // the retirement anchored first (the ledger shows the row was gone), then the row as version 3
        assertThat(back.resumed()).isEqualTo(1);
        assertThat(back.records()).isEqualTo(1);
        assertThat(newestAnchorsRetire(2)).containsExactly(true, false);
        assertAnswered(citizen, recordId, 3);
    }

    @Test
    void refuses_to_list_the_anchors_of_no_dataset_or_of_an_unknown_one() {
        LedgerIdentity bank = demo.pki().client(DemoOrganisation.BANK);

        assertThat(anchorsThroughTheNode(DemoOrganisation.BANK)).isNotEmpty();
        assertProblem(DemoNodes.signedGet(client, server.port(), bank, "/v1/datasets/hospital%20visits'--/anchors"),
                400, "INVALID_ARGUMENT");
        assertProblem(DemoNodes.signedGet(client, server.port(), bank, "/v1/datasets/no.such.dataset/anchors"),
                404, "DATASET_NOT_FOUND");
        assertProblem(DemoNodes.signedGet(client, server.port(), bank, "/v1/datasets/" + HOSPITAL
                + "/anchors?pageSize=100000"), 400, "INVALID_ARGUMENT");
    }

    /** Every anchor of the hospital's dataset as {@code GET /v1/datasets/{id}/anchors} lists them, two a page. */
    private List<JsonNode> anchorsThroughTheNode(String organisation) {
        List<JsonNode> anchors = new ArrayList<>();
        String bookmark = "";
        do {
            HttpResponse<Buffer> page = DemoNodes.signedGet(client, server.port(), demo.pki().client(organisation),
                    "/v1/datasets/" + HOSPITAL + "/anchors?pageSize=2"
                            + (bookmark.isEmpty() ? "" : "&bookmark=" + URLEncoder.encode(bookmark, StandardCharsets.UTF_8)));
            assertThat(page.statusCode()).as(page.bodyAsString()).isEqualTo(200);
            JsonNode body = Json.tree(page.bodyAsString());
            body.path("records").forEach(anchors::add);
            bookmark = body.path("bookmark").asText();
        } while (!bookmark.isEmpty());
        return anchors;
    }

    /** Whether each of the hospital dataset's newest anchors on the ledger says it retires records, oldest first. */
    private static List<Boolean> newestAnchorsRetire(int count) throws Exception {
        List<Anchor> anchors = LedgerPages.all(demo.ledger(), demo.pki().node(), Anchor.class, "Anchors:listAnchors",
                HOSPITAL);
        return anchors.subList(anchors.size() - count, anchors.size()).stream()
                .map(anchor -> anchor.statement().retires()).toList();
    }

    /** Deletes a visit from the hospital's table, keeping it in a table of its own to restore. */
    private static void deleteKeeping(long rowId, String keptIn) throws Exception {
        source("CREATE TABLE " + keptIn + " AS SELECT * FROM HIS_VISITS WHERE ROW_ID = " + rowId);
        source("DELETE FROM HIS_VISITS WHERE ROW_ID = " + rowId);
    }

    private static void restore(String keptIn) throws Exception {
        source("INSERT INTO HIS_VISITS SELECT * FROM " + keptIn);
        source("DROP TABLE " + keptIn);
    }

    /** The citizen's claim is answered, verified, with the record in that version. */
    private void assertAnswered(int citizen, String recordId, long version) throws Exception {
        HttpResponse<Buffer> response = claim(citizen);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        DataAnswer answer = DataAnswer.fromJson(response.bodyAsString());
        AnswerCheck.verify(answer);
        assertThat(answer.items().get(0).records()).anySatisfy(evidence -> {
            assertThat(evidence.disclosure().recordId()).isEqualTo(recordId);
            assertThat(evidence.disclosure().version()).isEqualTo(version);
        });
    }

    @Test
    void reads_the_hospital_inside_the_data_folder_it_runs_on_after_the_folder_moved(@TempDir Path moved,
            @TempDir Path withoutSources) throws Exception {
        int citizen = 5;
        int other = 6;
        assertThat(demo.platform().stores().create(DemoOrganisation.HOSPITAL).liveDefinition(HOSPITAL).orElseThrow()
                .url()).startsWith("jdbc:h2:file:" + DataFolderUrl.PLACEHOLDER + "/");
        demo.platform().stores().close(); // closes the hospital's connections too: its files are whole to copy
        TestFolders.copy(folder.resolve("providers"), moved.resolve("providers"));
        TestFolders.copy(folder.resolve("sources"), moved.resolve("sources"));
        TestFolders.copy(folder.resolve("providers"), withoutSources.resolve("providers"));
        // the moved copy's hospital loses a row the original keeps: which one a store reads shows
        try (Connection his = DriverManager.getConnection(DemoHospitalSystem.url(moved))) {
            his.createStatement().execute("DELETE FROM HIS_VISITS WHERE ROW_ID = " + rowIdOf(citizen));
        }

        try (ProviderStores stores = ProviderStores.open(moved, liveAccess(moved));
                ProviderStores bare = ProviderStores.open(withoutSources, liveAccess(withoutSources))) {
            ProviderStore store = stores.find(DemoOrganisation.HOSPITAL).orElseThrow();

            assertThatThrownBy(() -> store.latestRecords(HOSPITAL, demo.subject(citizen), 100))
                    .isInstanceOf(SourceRecordChanged.class);
            assertThat(store.latestRecords(HOSPITAL, demo.subject(other), 100).stream()
                    .map(stored -> stored.record().fields().get("department").asText()).sorted().toList())
                    .isEqualTo(sourceDepartments(other));
            assertThatThrownBy(() -> bare.find(DemoOrganisation.HOSPITAL).orElseThrow()
                    .latestRecords(HOSPITAL, demo.subject(other), 100)).isExactlyInstanceOf(StoreException.class);
            assertThat(withoutSources.resolve("sources")).doesNotExist();
        }
        assertThat(claim(citizen).statusCode()).isEqualTo(200); // the original folder is untouched
    }

    private static LiveAccess liveAccess(Path dataDir) {
        return new LiveAccess(LiveAccess.fromEnvironment(Map.of()), demo.platform().pseudonyms(), demo.ledger().suite(),
                dataDir);
    }

    @Test
    void a_store_whose_retiring_batch_holds_a_version_with_values_fails_its_check(@TempDir Path copy)
            throws Exception {
        int citizen = 11;
        deleteKeeping(rowIdOf(citizen), "CHECKED_VISIT");
        ImportSummary retiring = importLive(importer().retiringMissing());
        restore("CHECKED_VISIT");
        importLive(); // the row is back: anchored again, so the citizen is answered as before
        String batch = retiring.batchIds().get(retiring.batchIds().size() - 1);
        demo.platform().stores().close(); // its files whole to copy
        TestFolders.copy(folder.resolve("providers"), copy.resolve("providers"));
        try (Connection store = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("providers")
                .resolve(DemoOrganisation.HOSPITAL).resolve("records").toAbsolutePath(), "qcchain", "")) {
            assertThat(store.createStatement().executeUpdate("UPDATE records SET retired = FALSE WHERE dataset_id = '"
                    + HOSPITAL + "' AND batch_id = '" + batch + "'")).isPositive();
        }

        try (ProviderStores stores = ProviderStores.open(copy)) {
            StoreAnchorCheck.Result result = StoreAnchorCheck.run(stores.find(DemoOrganisation.HOSPITAL).orElseThrow(),
                    List.of(HOSPITAL), demo.ledger(), demo.pki().node());

            assertThat(result.problems()).singleElement().asString().contains("batch " + batch,
                    "is anchored as retiring records but holds", "versions with values");
        }
    }

    @Test
    void refuses_to_retire_everything_when_the_source_gives_no_rows() throws Exception {
        int batchesBefore = demo.platform().stores().create(DemoOrganisation.HOSPITAL).batchCount(HOSPITAL);
        String nothing = "SELECT * FROM (" + DemoHospitalSystem.VISITS.toSql() + ") everything WHERE 1 = 0";

        assertThatThrownBy(() -> importLive(importer().retiringMissing(), nothing))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gave no rows");

        assertThat(demo.platform().stores().create(DemoOrganisation.HOSPITAL).batchCount(HOSPITAL))
                .isEqualTo(batchesBefore);
        assertThat(claim(9).statusCode()).isEqualTo(200);
    }

    @Test
    void answers_503_naming_the_grant_when_the_hospital_s_database_fails() throws Exception {
        int citizen = 4;
        rowIdOf(citizen);
        source("ALTER TABLE HIS_VISITS RENAME TO HIS_VISITS_OLD");
        try {
            JsonNode problem = assertProblem(claim(citizen), 503, "PROVIDER_STORE_UNAVAILABLE");

            assertThat(problem.path("detail").asText()).contains(DemoOrganisation.HOSPITAL, HOSPITAL,
                    "own database").doesNotContain("jdbc:", "HIS_VISITS");
            assertThat(problem.path("accessId").asText()).hasSize(64);
        } finally {
            source("ALTER TABLE HIS_VISITS_OLD RENAME TO HIS_VISITS");
        }
        assertThat(claim(citizen).statusCode()).isEqualTo(200);
    }

    @Test
    void follows_a_row_given_a_new_key_after_the_next_import() throws Exception {
        int citizen = 6;
        long rowId = rowIdOf(citizen);
        source("UPDATE HIS_VISITS SET ROW_ID = " + (rowId + 9_000_000) + " WHERE ROW_ID = " + rowId);

        assertThat(assertProblem(claim(citizen), 502, "SOURCE_RECORD_CHANGED").path("detail").asText())
                .contains("is no longer in the source");

        ImportSummary again = importLive();

        assertThat(again.records()).isZero();
        HttpResponse<Buffer> response = claim(citizen);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        AnswerCheck.verify(DataAnswer.fromJson(response.bodyAsString()));
    }

    @Test
    void anchors_first_the_batch_a_live_import_cut_short_left_unanchored() throws Exception {
        int citizen = 7;
        source("UPDATE HIS_VISITS SET DEPARTMENT = '康复科' WHERE ROW_ID = " + rowIdOf(citizen));
        // the batch is stored, then its anchor refused: the bank may not anchor the hospital's records
        assertThatThrownBy(() -> importLive(refusedImporter())).isInstanceOf(ChaincodeFailure.class);

        ImportSummary again = importLive();

        // the stored batch anchored as it is, then the row compared with it: unchanged
        assertThat(again.resumed()).isEqualTo(1);
        assertThat(again.records()).isZero();
        HttpResponse<Buffer> response = claim(citizen);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        assertThat(DataAnswer.fromJson(response.bodyAsString()).items().get(0).records())
                .anySatisfy(evidence -> assertThat(department(evidence)).isEqualTo("康复科"));
    }

    @Test
    void keeps_a_dataset_live_or_copied_for_good() {
        RecordImporter importer = importer();
        SourceAdapter copied = SourceAdapter.of(HOSPITAL, List.of(new SourceRow("RESIDENT_ID",
                SyntheticRecords.residentId(5), 9, Map.of("date", "2026-01-01"))).iterator());

        assertThatThrownBy(() -> importer.importAll(copied, ImportProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is live");
    }

    private HttpResponse<Buffer> claim(int citizen) {
        LedgerIdentity insurer = demo.pki().client(DemoOrganisation.HEALTH_INSURER);
        String body = TryRequest.signedRequest(insurer, demo.subject(citizen), HEALTH.consentId(citizen),
                HEALTH.purpose(), HEALTH.items());
        return DemoNodes.signedPost(client, server.port(), insurer, "/v1/data-requests", "application/json", body);
    }

    private static ImportSummary importLive() throws Exception {
        return importLive(importer());
    }

    private static ImportSummary importLive(RecordImporter importer) throws Exception {
        return importLive(importer, DemoHospitalSystem.VISITS.toSql());
    }

    private static ImportSummary importLive(RecordImporter importer, String query) throws Exception {
        List<String> fields = DemoCatalogue.entries().stream().filter(entry -> entry.definition().id().equals(HOSPITAL))
                .findFirst().orElseThrow().definition().fields().stream().map(FieldSpec::name).toList();
        try (JdbcSource source = JdbcSource.open(new org.qcchain.node.store.JdbcSettings(
                DemoHospitalSystem.URL, null, null, query, 100, folder), HOSPITAL, fields)) {
            return importer.importLive(source, ImportProgress.NONE);
        }
    }

    /** An importer whose anchors the ledger refuses: the bank may not anchor the hospital's records. */
    private static RecordImporter refusedImporter() {
        return new RecordImporter(demo.platform().stores().create(DemoOrganisation.HOSPITAL),
                new BatchAnchorer(demo.ledger(), demo.pki().client(DemoOrganisation.BANK)),
                demo.platform().pseudonyms(), demo.ledger().suite(), DemoImport.BATCH_SIZE);
    }

    private static RecordImporter importer() {
        return new RecordImporter(demo.platform().stores().create(DemoOrganisation.HOSPITAL),
                new BatchAnchorer(demo.ledger(), demo.pki().client(DemoOrganisation.HOSPITAL)),
                demo.platform().pseudonyms(), demo.ledger().suite(), DemoImport.BATCH_SIZE);
    }

    /** The row of a citizen's first visit in the hospital's database. */
    private static long rowIdOf(int citizen) throws Exception {
        try (Connection his = DriverManager.getConnection(DemoHospitalSystem.url(folder));
                PreparedStatement query = his.prepareStatement("SELECT MIN(ROW_ID) FROM HIS_VISITS"
                        + " WHERE PATIENT_ID_NO = ?")) {
            query.setString(1, SyntheticRecords.residentId(citizen));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                long rowId = rows.getLong(1);
                assertThat(rowId).as("a visit of citizen " + citizen).isPositive();
                return rowId;
            }
        }
    }

    /** The store's record of a row of the hospital's database. */
    private static String recordIdOf(long rowId) throws Exception {
        try (Connection store = storeDatabase();
                PreparedStatement query = store.prepareStatement("SELECT record_id FROM records"
                        + " WHERE dataset_id = ? AND source_row = ?")) {
            query.setString(1, HOSPITAL);
            query.setString(2, Long.toString(rowId));
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as("a record of row " + rowId).isTrue();
                return rows.getString(1);
            }
        }
    }

    /** A record's newest stored version, and whether it retires the record. */
    private record Version(long version, boolean retired) {}

    private static Version newestVersion(String recordId) throws Exception {
        try (Connection store = storeDatabase();
                PreparedStatement query = store.prepareStatement("SELECT version, retired FROM records"
                        + " WHERE dataset_id = ? AND record_id = ? ORDER BY version DESC LIMIT 1")) {
            query.setString(1, HOSPITAL);
            query.setString(2, recordId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return new Version(rows.getLong(1), rows.getBoolean(2));
            }
        }
    }

    private static String department(RecordEvidence evidence) {
        return evidence.disclosure().openings().get("department").value().asText();
    }

    /** A citizen's departments as the hospital's database holds them, sorted. */
    private static List<String> sourceDepartments(int citizen) throws Exception {
        List<String> departments = new ArrayList<>();
        try (Connection his = DriverManager.getConnection(DemoHospitalSystem.url(folder));
                PreparedStatement query = his.prepareStatement("SELECT DEPARTMENT FROM HIS_VISITS"
                        + " WHERE PATIENT_ID_NO = ?")) {
            query.setString(1, SyntheticRecords.residentId(citizen));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    departments.add(rows.getString(1));
                }
            }
        }
        departments.sort(null);
        return departments;
    }

    private static void source(String sql) throws Exception {
        try (Connection his = DriverManager.getConnection(DemoHospitalSystem.url(folder))) {
            his.createStatement().execute(sql);
        }
    }

    private static Connection storeDatabase() throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("providers")
                .resolve(DemoOrganisation.HOSPITAL).resolve("records").toAbsolutePath(), "qcchain", "");
    }
}
