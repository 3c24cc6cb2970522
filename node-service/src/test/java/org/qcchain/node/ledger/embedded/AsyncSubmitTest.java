package org.qcchain.node.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.chaincode.model.SignedAccessRequest;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.node.demo.DemoOrganisation;
import org.qcchain.node.demo.DemoPki;
import org.qcchain.node.demo.DemoPlatform;
import org.qcchain.node.demo.DemoService;
import org.qcchain.node.demo.TryRequest;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.Committed;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.platform.NodePlatform;

/**
 * The embedded backend's asynchronous submit: many transactions in flight from one thread, each
 * completing with its commit, its evidence served from the blocks just committed — the same
 * evidence a node that never saw the block reads back from the database — and the chaincode's
 * refusals as failed futures.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AsyncSubmitTest {

    static final DemoService LOAN = DemoService.all().get(0);

    @TempDir
    static Path folder;
    static DemoPki pki;
    static String[] subjects = new String[4];

    @BeforeAll
    static void demo() throws Exception {
        try (DemoPlatform demo = DemoPlatform.create(folder, 70, 5L, new PrintStream(OutputStream.nullOutputStream()))) {
            pki = demo.pki();
            for (int i = 0; i < subjects.length; i++) {
                subjects[i] = demo.subject(i);
            }
        }
    }

    @Test
    void transactions_submitted_at_once_from_one_thread_all_commit_with_evidence_as_the_database_gives_it()
            throws Exception {
        List<Committed> committed;
        List<JsonNode> fromMemory;
        try (NodePlatform platform = NodePlatform.open(folder)) {
            EmbeddedLedgerBackend ledger = (EmbeddedLedgerBackend) platform.ledger();
            List<CompletableFuture<Committed>> inFlight = List.of(0, 1, 2, 3).stream()
                    .map(citizen -> ledger.submitAsyncForEvidence(platform.node(), "Access:requestAccess",
                            request(citizen)))
                    .toList();
            committed = inFlight.stream().map(CompletableFuture::join).toList();
            for (Committed c : committed) {
                assertThat(ledger.holdsInMemory(c.txId())).as("kept for its evidence").isTrue();
            }
            fromMemory = committed.stream().map(c -> evidenceJson(ledger, c.txId())).toList();
            for (int i = 0; i < committed.size(); i++) {
                Committed c = committed.get(i);
                assertThat(Json.tree(c.payload()).path("decision").asText()).isEqualTo("GRANTED");
                assertThat(Json.tree(c.payload()).path("accessId").asText()).isEqualTo(c.txId());
                // handed out once: asked again, the same evidence comes from the database
                assertThat(ledger.holdsInMemory(c.txId())).isFalse();
                assertThat(evidenceJson(ledger, c.txId())).isEqualTo(fromMemory.get(i));
            }
        }
        try (NodePlatform reopened = NodePlatform.open(folder)) {
            for (int i = 0; i < committed.size(); i++) {
                JsonNode fromDatabase = evidenceJson(reopened.ledger(), committed.get(i).txId());
                assertThat(fromMemory.get(i)).isEqualTo(fromDatabase);
                assertThat(fromDatabase.path("blockHeader").path("number").asLong())
                        .isEqualTo(committed.get(i).blockNumber());
            }
        }
    }

    @Test
    void a_transaction_submitted_without_asking_for_its_evidence_is_not_kept_and_its_evidence_is_read_back()
            throws Exception {
        try (NodePlatform platform = NodePlatform.open(folder)) {
            EmbeddedLedgerBackend ledger = (EmbeddedLedgerBackend) platform.ledger();
            Committed committed = ledger.submitAsync(platform.node(), "Access:requestAccess", request(0)).get();

            assertThat(ledger.holdsInMemory(committed.txId())).isFalse();
            JsonNode evidence = evidenceJson(ledger, committed.txId());
            assertThat(evidence.path("blockHeader").path("number").asLong()).isEqualTo(committed.blockNumber());
            assertThat(evidence.path("transaction").path("txId").asText()).isEqualTo(committed.txId());
        }
    }

    @Test
    void a_refusal_of_the_chaincode_fails_the_future_with_its_code() {
        try (NodePlatform platform = NodePlatform.open(folder)) {
            CompletableFuture<Committed> refused = platform.ledger().submitAsync(platform.node(),
                    "Access:recordDelivery", "{\"accessId\":\"no-such-access\",\"answerHash\":\"" + "ab".repeat(32)
                            + "\"}");

            assertThatThrownBy(refused::get).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(ChaincodeFailure.class, failure ->
                            assertThat(failure.errorCode()).isEqualTo(ErrorCode.ACCESS_RECORD_NOT_FOUND));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode evidenceJson(LedgerBackend ledger, String txId) {
        TransactionEvidence evidence = ledger.evidence(txId).orElseThrow();
        return Json.mapper().valueToTree(evidence);
    }

    private static String request(int citizen) {
        return Json.write(Json.parse(TryRequest.signedRequest(pki.client(DemoOrganisation.BANK), subjects[citizen],
                LOAN.consentId(citizen), LOAN.purpose(), LOAN.items()), SignedAccessRequest.class));
    }
}
