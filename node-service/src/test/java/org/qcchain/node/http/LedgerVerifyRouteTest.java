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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;
import org.qcchain.node.demo.DemoOrganisation;
import org.qcchain.node.demo.DemoPlatform;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.Committed;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerEvent;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.ledger.VerifyProgress;

/**
 * {@code POST /v1/ledger/verify} runs one verification at a time: each replays the whole ledger in
 * the node's memory. The demo's real ledger verifies; a wrapper holds the first verification
 * until the test lets it go, so that the second call certainly arrives while it runs.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LedgerVerifyRouteTest {

    @Test
    void refuses_a_second_verification_while_one_runs_and_takes_the_next_one_after(Vertx vertx,
            @TempDir Path folder) throws Exception {
        try (DemoPlatform demo = DemoPlatform.create(folder, 40, 5L, new PrintStream(OutputStream.nullOutputStream()))) {
            HeldVerification ledger = new HeldVerification(demo.ledger());
            NodeServer server = await(NodeServer.start(vertx, DemoNodes.config(folder), demo.directory(),
                    NodeServices.of(ledger, demo.pki().node(), demo.platform().dataRequests())));
            WebClient client = WebClient.create(vertx);
            LedgerIdentity auditor = demo.pki().client(DemoOrganisation.AUDIT_OFFICE);
            try {
                CompletableFuture<HttpResponse<Buffer>> first = CompletableFuture.supplyAsync(() ->
                        DemoNodes.signedPost(client, server.port(), auditor, "/v1/ledger/verify", "application/json", ""));
                assertThat(ledger.started.await(60, TimeUnit.SECONDS)).isTrue();

                JsonNode refused = assertProblem(DemoNodes.signedPost(client, server.port(),
                        demo.pki().client(DemoOrganisation.BUREAU), "/v1/ledger/verify", "application/json", ""),
                        429, "RATE_LIMITED");
                assertThat(refused.path("detail").asText()).contains("verification of the ledger is running");

                ledger.release.countDown();
                HttpResponse<Buffer> verified = first.get(60, TimeUnit.SECONDS);
                assertThat(verified.statusCode()).as(verified.bodyAsString()).isEqualTo(200);
                assertThat(Json.tree(verified.bodyAsString()).path("intact").asBoolean()).isTrue();
                HttpResponse<Buffer> again = DemoNodes.signedPost(client, server.port(), auditor, "/v1/ledger/verify",
                        "application/json", "");
                assertThat(again.statusCode()).as(again.bodyAsString()).isEqualTo(200);
                assertThat(ledger.verifications).isEqualTo(2);
            } finally {
                ledger.release.countDown();
                await(server.stop());
            }
        }
    }

    /** The real ledger, its verification held at the start until released. */
    private static final class HeldVerification implements LedgerBackend {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile int verifications;
        private final LedgerBackend ledger;

        HeldVerification(LedgerBackend ledger) {
            this.ledger = ledger;
        }

        @Override
        public JsonNode verify(VerifyProgress progress) {
            started.countDown();
            try {
                if (!release.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the verification");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            verifications++;
            return ledger.verify(progress);
        }

        @Override
        public String kind() {
            return ledger.kind();
        }

        @Override
        public CryptoSuite suite() {
            return ledger.suite();
        }

        @Override
        public Committed submit(LedgerIdentity submitter, String function, String... args) throws ChaincodeFailure {
            return ledger.submit(submitter, function, args);
        }

        @Override
        public String evaluate(LedgerIdentity caller, String function, String... args) throws ChaincodeFailure {
            return ledger.evaluate(caller, function, args);
        }

        @Override
        public Optional<TransactionEvidence> evidence(String txId) {
            return ledger.evidence(txId);
        }

        @Override
        public Optional<JsonNode> block(long number) {
            return ledger.block(number);
        }

        @Override
        public Optional<JsonNode> transaction(String txId) {
            return ledger.transaction(txId);
        }

        @Override
        public long height() {
            return ledger.height();
        }

        @Override
        public void admit(String mspId, List<String> caCertificatesPem) throws ChaincodeFailure {
            ledger.admit(mspId, caCertificatesPem);
        }

        @Override
        public AutoCloseable subscribe(Consumer<LedgerEvent> listener) {
            return ledger.subscribe(listener);
        }

        @Override
        public void close() {
            // the demo closes its ledger
        }
    }
}
