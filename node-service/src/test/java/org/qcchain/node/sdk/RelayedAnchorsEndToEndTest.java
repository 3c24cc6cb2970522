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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.auth.RequestSigner;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.node.demo.DemoCatalogue;
import org.qcchain.node.demo.DemoOrganisation;
import org.qcchain.node.demo.DemoPki;
import org.qcchain.node.demo.DemoPlatform;
import org.qcchain.node.demo.DemoService;
import org.qcchain.node.demo.SyntheticRecords;
import org.qcchain.node.http.DemoNodes;
import org.qcchain.node.http.NodeServer;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.sdk.DataRequest;
import org.qcchain.sdk.QcchainApiException;
import org.qcchain.sdk.QcchainClient;
import org.qcchain.sdk.command.BatchStatement;
import org.qcchain.sdk.verify.VerificationException;
import org.qcchain.sdk.verify.VerificationFailure;
import org.qcchain.sdk.verify.VerifiedAnchor;
import org.qcchain.sdk.verify.VerifiedAnswer;
import org.qcchain.sdk.verify.VerifiedRecord;
import org.qcchain.sdk.verify.Verifier;

/**
 * The vehicle administration, which runs no node, anchors records it uploaded to the Bureau's
 * node with the client SDK: it cuts the batches, signs each statement with its own key, and the
 * Bureau's node relays the signatures; a motor insurer's answer over those records then verifies
 * with the SDK against the published trust anchors. A real demo ledger in a temporary folder and a
 * real node on a loopback port.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RelayedAnchorsEndToEndTest {

    static final DemoService MOTOR = DemoService.all().get(1);
    static final int CITIZEN = 8;

    @TempDir
    static Path folder;
    static DemoPlatform demo;
    static Vertx vertx;
    static NodeServer bureauNode;

    @BeforeAll
    static void nodes() throws Exception {
        demo = DemoPlatform.create(folder, 70, 7L, new PrintStream(OutputStream.nullOutputStream()));
        vertx = Vertx.vertx();
        bureauNode = DemoNodes.await(NodeServer.start(vertx, DemoNodes.config(folder), demo.directory(),
                demo.platform().services()));
    }

    @AfterAll
    static void stop() {
        RestartedDemoNode.await(vertx.close());
        demo.close();
    }

    @Test
    void the_provider_anchors_through_the_bureau_with_its_own_signature_and_the_insurer_verifies_the_records()
            throws Exception {
        String csv = "subjectType,subjectNumber,sequence,plate,brand,usage,registeredOn,status\n"
                + "RESIDENT_ID," + SyntheticRecords.residentId(CITIZEN) + ",85,鲁A8585,红旗,PRIVATE,2021-05-01,NORMAL\n";
        HttpResponse<String> uploaded = upload(csv);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        QcchainClient provider = client(DemoOrganisation.VEHICLES);

        List<BatchStatement> batches = provider.cutBatches(DemoCatalogue.VEHICLES, 5000);
        assertThat(batches).isNotEmpty();
        for (BatchStatement batch : batches) {
            JsonNode anchored = provider.anchorBatch(batch.sign(identity(DemoOrganisation.VEHICLES).identity()));
            assertThat(anchored.path("merkleRoot").asText()).isEqualTo(batch.merkleRoot());
        }
        BatchStatement last = batches.get(batches.size() - 1);
        QcchainApiException again = catchThrowableOfType(QcchainApiException.class,
                () -> provider.anchorBatch(last.sign(identity(DemoOrganisation.VEHICLES).identity())));

        DataRequest.Builder request = DataRequest.builder().consumer(MOTOR.consumerMspId())
                .subject(demo.subject(CITIZEN)).consent(MOTOR.consentId(CITIZEN)).purpose(MOTOR.purpose());
        MOTOR.items().forEach(item -> request.item(item.datasetId(), item.fields().toArray(String[]::new)));
        VerifiedAnswer answer = client(MOTOR.consumerMspId()).requestData(request.build()
                .sign(identity(MOTOR.consumerMspId()).identity()));

        assertThat(again.getErrorCode()).isEqualTo(ErrorCode.ANCHOR_EXISTS);
        assertThat(provider.cutBatches(DemoCatalogue.VEHICLES, 5000)).isEmpty();
        // any organisation reads the relayed anchors back, its provider's and its relayer's names on each
        List<JsonNode> anchors = new ArrayList<>();
        String bookmark = "";
        do {
            JsonNode page = client(MOTOR.consumerMspId()).anchors(DemoCatalogue.VEHICLES, bookmark);
            page.path("records").forEach(anchors::add);
            bookmark = page.path("bookmark").asText();
        } while (!bookmark.isEmpty());
        JsonNode lastAnchor = anchors.stream()
                .filter(anchor -> anchor.path("statement").path("batchId").asText().equals(last.batchId()))
                .findFirst().orElseThrow();
        assertThat(lastAnchor.path("statement").path("merkleRoot").asText()).isEqualTo(last.merkleRoot());
        assertThat(lastAnchor.path("providerMspId").asText()).isEqualTo(DemoOrganisation.VEHICLES);
        assertThat(lastAnchor.path("relayedBy").asText()).isEqualTo(demo.pki().node().mspId());
        assertThat(lastAnchor.path("statement").has("retiring")).isFalse();
        // and verifies each: its provider's signature, and its own valid transaction wrote exactly it
        QcchainClient auditor = client(DemoOrganisation.AUDIT_OFFICE);
        Verifier verifier = Verifier.builder().trustAnchors(PublishedTrustAnchors.of(folder))
                .suite(demo.ledger().suite()).build();
        String nodePem = demo.pki().node().identity().certificatePem();
        VerifiedAnchor verified = verifier.verifyAnchor(lastAnchor, evidenceOf(auditor, lastAnchor), nodePem);
        assertThat(verified.merkleRoot()).isEqualTo(last.merkleRoot());
        assertThat(verified.providerMspId()).isEqualTo(DemoOrganisation.VEHICLES);
        assertThat(verified.datasetId()).isEqualTo(DemoCatalogue.VEHICLES);
        assertThat(verified.retiring()).isFalse();
        assertThat(verified.position().txId()).isEqualTo(lastAnchor.path("txId").asText());
        JsonNode inflated = lastAnchor.deepCopy();
        ((ObjectNode) inflated.path("statement")).put("recordCount", 1_000_000);
        assertThat(catchThrowableOfType(VerificationException.class, () -> verifier.verifyAnchor(inflated,
                evidenceOf(auditor, lastAnchor), nodePem)).failure()).isEqualTo(VerificationFailure.ANCHOR_SIGNATURE_INVALID);
        assertThat(catchThrowableOfType(VerificationException.class, () -> verifier.verifyAnchor(lastAnchor,
                evidenceOf(auditor, anchors.get(0)), nodePem)).failure()).isEqualTo(VerificationFailure.ANCHOR_NOT_ON_LEDGER);
        assertThat(catchThrowableOfType(QcchainApiException.class,
                () -> provider.anchors("no.such.dataset", "")).getErrorCode()).isEqualTo(ErrorCode.DATASET_NOT_FOUND);
        List<VerifiedRecord> relayed = answer.records(DemoCatalogue.VEHICLES).stream()
                .filter(r -> r.anchor().batchId().equals(last.batchId())).toList();
        assertThat(relayed).extracting(r -> r.values().get("plate").asText()).contains("鲁A8585");
        assertThat(relayed).allSatisfy(r -> assertThat(r.anchor().providerMspId())
                .isEqualTo(DemoOrganisation.VEHICLES));
    }

    /** The evidence of an anchor's transaction, as an auditor fetches it. */
    private static TransactionEvidence evidenceOf(QcchainClient auditor, JsonNode anchor) throws Exception {
        return Json.mapper().treeToValue(auditor.transaction(anchor.path("txId").asText()).path("evidence"),
                TransactionEvidence.class);
    }

    private static HttpResponse<String> upload(String csv) throws Exception {
        String target = "/v1/datasets/" + DemoCatalogue.VEHICLES + "/records";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint().resolve(target))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).header("Content-Type", "text/csv");
        RequestSigner.create(DemoOrganisation.VEHICLES, identity(DemoOrganisation.VEHICLES).identity())
                .sign("POST", target, bytes).asMap().forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI endpoint() {
        return URI.create("http://127.0.0.1:" + bureauNode.port());
    }

    private static QcchainClient client(String mspId) throws IOException {
        return QcchainClient.builder().endpoint(endpoint()).identity(mspId, identity(mspId).identity())
                .trustAnchors(PublishedTrustAnchors.of(folder)).build();
    }

    private static LedgerIdentity identity(String mspId) {
        return DemoPki.readClient(folder, mspId);
    }
}
