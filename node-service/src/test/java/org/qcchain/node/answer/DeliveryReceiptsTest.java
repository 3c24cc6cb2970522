package org.qcchain.node.answer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.chaincode.model.DeliveryReceipt;
import org.qcchain.chaincode.model.RequestedItem;
import org.qcchain.chaincode.model.SignedAccessRequest;
import org.qcchain.common.json.Json;
import org.qcchain.node.cli.Cli;
import org.qcchain.node.config.NodeConfigLoader;
import org.qcchain.node.demo.DemoCatalogue;
import org.qcchain.node.demo.DemoOrganisation;
import org.qcchain.node.demo.DemoPki;
import org.qcchain.node.demo.DemoPlatform;
import org.qcchain.node.demo.DemoService;
import org.qcchain.node.demo.TryRequest;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.platform.NodePlatform;

/**
 * Delivery receipts on a real node folder (embedded ledger, provider stores, the outbox's journal):
 * every answer's receipt reaches the ledger, also when the node stopped before recording it, and
 * never twice.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DeliveryReceiptsTest {

    static final DemoService LOAN = DemoService.all().get(0);

    @TempDir
    static Path folder;
    static DemoPki pki;
    static String[] subjects = new String[DemoPlatform.CONSENTING_CITIZENS];

    @BeforeAll
    static void demo() throws Exception {
        try (DemoPlatform demo = DemoPlatform.create(folder, 140, 3L, new PrintStream(OutputStream.nullOutputStream()))) {
            pki = demo.pki();
            for (int i = 0; i < subjects.length; i++) {
                subjects[i] = demo.subject(i);
            }
        }
    }

    @AfterAll
    static void forget() {
        pki = null;
    }

    @Test
    void every_answer_of_concurrent_requests_gets_its_receipt_with_the_hash_of_the_json_sent() throws Exception {
        ExecutorService work = Executors.newFixedThreadPool(2);
        try (NodePlatform platform = NodePlatform.open(folder)) {
            List<GrantedAnswer> answers = List.of(0, 1, 2, 3).parallelStream()
                    .map(citizen -> platform.dataRequests().request(signed(citizen, LOAN.items()), work))
                    .toList().stream().map(future -> future.join()).toList();

            for (GrantedAnswer answer : answers) {
                assertThat(answer.jsonText()).isEqualTo(Json.canonical(Json.tree(answer.jsonText())));
                assertThat(answer.answerHash()).isEqualTo(platform.ledger().suite().hashHex(
                        answer.json().toByteArray()));
                assertThat(recordedHash(platform.ledger(), answer.accessId())).isEqualTo(answer.answerHash());
            }
            assertThat(backlogWhenSettled(platform.deliveries())).containsEntry("owed", 0).containsEntry("failed", 0);
        } finally {
            work.shutdown();
        }
    }

    @Test
    void a_receipt_left_in_the_outbox_by_a_stop_is_recorded_at_the_next_start() throws Exception {
        String accessId;
        try (NodePlatform platform = NodePlatform.open(folder)) {
            accessId = grantedOnTheLedger(platform, 4);
        }
        // the node kept the receipt and sent the answer, then stopped before the ledger had it
        keepInOutbox(accessId, "ab".repeat(32));

        try (NodePlatform platform = NodePlatform.open(folder)) {
            assertThat(recordedHash(platform.ledger(), accessId)).isEqualTo("ab".repeat(32));
            assertThat(backlogWhenSettled(platform.deliveries())).containsEntry("owed", 0).containsEntry("failed", 0);
        }
    }

    @Test
    void verify_records_no_receipt_and_leaves_those_owed_to_the_node_s_next_start() throws Exception {
        String accessId;
        long height;
        try (NodePlatform platform = NodePlatform.open(folder)) {
            accessId = grantedOnTheLedger(platform, 7);
            height = platform.ledger().height();
        }
        keepInOutbox(accessId, "12".repeat(32));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = Cli.standard().run(new String[] {"verify", "--data", folder.toString()},
                new PrintStream(out, true, UTF_8), new PrintStream(OutputStream.nullOutputStream()), Map.of());

        assertThat(code).isZero();
        assertThat(out.toString(UTF_8)).contains("ledger intact",
                "delivery receipts: 1 owed according to the outbox");
        try (DeliveryOutbox outbox = DeliveryOutbox.open(folder.resolve("deliveries"))) {
            assertThat(outbox.pending()).containsExactly(new DeliveryOutbox.Receipt(accessId, "12".repeat(32)));
        }
        try (NodePlatform platform = NodePlatform.openForVerification(NodeConfigLoader.load(null,
                Map.of("QCCHAIN_DATA_DIR", folder.toString())))) {
            assertThat(platform.ledger().height()).as("blocks after verify").isEqualTo(height);
            assertThat(platform.receiptsAtRest()).containsEntry("owed", 1).containsEntry("failed", 0);
        }
        try (NodePlatform platform = NodePlatform.open(folder)) {
            assertThat(recordedHash(platform.ledger(), accessId)).isEqualTo("12".repeat(32));
            assertThat(backlogWhenSettled(platform.deliveries())).containsEntry("owed", 0).containsEntry("failed", 0);
        }
    }

    @Test
    void a_receipt_recorded_just_before_a_crash_is_not_recorded_again() throws Exception {
        String accessId;
        JsonNode delivered;
        try (NodePlatform platform = NodePlatform.open(folder)) {
            accessId = grantedOnTheLedger(platform, 5);
            platform.ledger().submit(platform.node(), "Access:recordDelivery",
                    Json.write(new DeliveryReceipt(accessId, "cd".repeat(32))));
            delivered = accessRecord(platform.ledger(), platform.node(), accessId);
        }
        // the receipt's transaction committed, but the crash came before the outbox let it go
        keepInOutbox(accessId, "cd".repeat(32));

        try (NodePlatform platform = NodePlatform.open(folder)) {
            assertThat(backlogWhenSettled(platform.deliveries())).containsEntry("owed", 0).containsEntry("failed", 0);
            JsonNode after = accessRecord(platform.ledger(), platform.node(), accessId);
            assertThat(after.path("answerHash").asText()).isEqualTo("cd".repeat(32));
            assertThat(after.path("deliveredAt")).isEqualTo(delivered.path("deliveredAt"));
        }
    }

    @Test
    void a_receipt_the_chaincode_refuses_stays_in_the_outbox_marked_failed() throws Exception {
        String deniedId;
        try (NodePlatform platform = NodePlatform.open(folder)) {
            List<RequestedItem> uncovered = List.of(new RequestedItem(DemoCatalogue.SOCIAL_INSURANCE,
                    List.of("employer", "baseSalary")));
            JsonNode denied = Json.tree(platform.ledger().submit(platform.node(), "Access:requestAccess",
                    Json.write(signed(6, uncovered))).payload());
            assertThat(denied.path("decision").asText()).isEqualTo("DENIED");
            deniedId = denied.path("accessId").asText();
        }
        keepInOutbox(deniedId, "ef".repeat(32));

        try (NodePlatform platform = NodePlatform.open(folder)) {
            assertThat(backlogWhenSettled(platform.deliveries())).containsEntry("owed", 0).containsEntry("failed", 1);
            assertThat(accessRecord(platform.ledger(), platform.node(), deniedId).hasNonNull("answerHash")).isFalse();
        }
        try (DeliveryOutbox outbox = DeliveryOutbox.open(folder.resolve("deliveries"))) {
            assertThat(outbox.failed()).singleElement().satisfies(refused -> {
                assertThat(refused.accessId()).isEqualTo(deniedId);
                assertThat(refused.problem()).startsWith("INVALID_STATE_TRANSITION");
            });
            assertThat(outbox.pending()).isEmpty();
            outbox.settle(List.of(deniedId), List.of()); // leave the folder as the other tests expect it
        }
    }

    private static String grantedOnTheLedger(NodePlatform platform, int citizen) throws Exception {
        JsonNode record = Json.tree(platform.ledger().submit(platform.node(), "Access:requestAccess",
                Json.write(signed(citizen, LOAN.items()))).payload());
        assertThat(record.path("decision").asText()).isEqualTo("GRANTED");
        return record.path("accessId").asText();
    }

    private static void keepInOutbox(String accessId, String answerHash) throws Exception {
        try (DeliveryOutbox outbox = DeliveryOutbox.open(folder.resolve("deliveries"))) {
            outbox.keep(List.of(new DeliveryOutbox.Receipt(accessId, answerHash)));
        }
    }

    private static SignedAccessRequest signed(int citizen, List<RequestedItem> items) {
        LedgerIdentity bank = pki.client(DemoOrganisation.BANK);
        return Json.parse(TryRequest.signedRequest(bank, subjects[citizen], LOAN.consentId(citizen), LOAN.purpose(),
                items), SignedAccessRequest.class);
    }

    private static JsonNode accessRecord(LedgerBackend ledger, LedgerIdentity node, String accessId) throws Exception {
        return Json.tree(ledger.evaluate(node, "Access:getAccessRecord", accessId));
    }

    /** The hash the ledger holds for the access, once the recorder got there (bounded wait). */
    private static String recordedHash(LedgerBackend ledger, String accessId) throws Exception {
        LedgerIdentity node = pki.node();
        for (int i = 0; i < 400; i++) {
            JsonNode record = accessRecord(ledger, node, accessId);
            if (record.hasNonNull("answerHash")) {
                return record.path("answerHash").asText();
            }
            Thread.sleep(25);
        }
        return null;
    }

    /** The recorder's backlog once nothing is owed any more, or as it is after a bounded wait. */
    private static Map<String, Integer> backlogWhenSettled(DeliveryRecorder recorder) throws Exception {
        Map<String, Integer> backlog = recorder.backlog().get(10, TimeUnit.SECONDS);
        for (int i = 0; i < 400 && backlog.get("owed") > 0; i++) {
            Thread.sleep(25);
            backlog = recorder.backlog().get(10, TimeUnit.SECONDS);
        }
        return backlog;
    }
}
