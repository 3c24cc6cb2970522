package org.qcchain.node.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qcchain.node.http.DemoNodes.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.common.answer.AnswerSignatures;
import org.qcchain.common.answer.DataAnswer;
import org.qcchain.common.auth.RequestSigner;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.node.http.DemoNodes;
import org.qcchain.node.http.NodeServer;
import org.qcchain.node.ledger.LedgerIdentity;

/**
 * The demo platform on SM2/SM3 (`qcchain demo --suite SM2_SM3`): certificates, request and
 * answer signatures, anchors and blocks all SM2, hashes SM3, and the bank's loan check still
 * granted with every proof verifying.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class Sm2DemoTest {

    @TempDir
    static Path folder;
    static DemoPlatform demo;
    static final DemoService LOAN = DemoService.all().get(0);

    @BeforeAll
    static void platform() throws Exception {
        demo = DemoPlatform.create(folder, 300, 11L, CryptoSuite.SM2_SM3, new PrintStream(OutputStream.nullOutputStream()));
    }

    @AfterAll
    static void close() {
        demo.close();
    }

    @Test
    void builds_an_sm2_ledger_and_pki() {
        assertThat(demo.ledger().suite()).isEqualTo(CryptoSuite.SM2_SM3);
        assertThat(demo.pki().node().identity().certificate().getSigAlgName()).containsIgnoringCase("SM3");
        assertThat(demo.ledger().verify().path("intact").asBoolean()).isTrue();
    }

    @Test
    void grants_a_bank_s_loan_check_with_an_sm2_signed_answer_that_verifies(Vertx vertx) throws Exception {
        NodeServer server = DemoNodes.start(vertx, folder, demo, demo.pki().node());
        LedgerIdentity bank = demo.pki().client(DemoOrganisation.BANK);
        String body = TryRequest.signedRequest(bank, demo.subject(0), LOAN.consentId(0), LOAN.purpose(), LOAN.items());
        HttpRequest<Buffer> request = WebClient.create(vertx)
                .post(server.port(), "127.0.0.1", "/v1/data-requests")
                .putHeader("Content-Type", "application/json");
        RequestSigner.create(bank.mspId(), bank.identity())
                .sign("POST", "/v1/data-requests", body.getBytes(StandardCharsets.UTF_8))
                .asMap().forEach(request::putHeader);

        HttpResponse<Buffer> response = await(request.sendBuffer(Buffer.buffer(body)));

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        DataAnswer answer = DataAnswer.fromJson(response.bodyAsString());
        assertThat(answer.suite()).isEqualTo("SM2_SM3");
        AnswerCheck.verify(answer);
        CryptoSuite.SM2_SM3.verify(demo.pki().node().identity().certificate().getPublicKey(), AnswerSignatures.signedBytes(answer, CryptoSuite.SM2_SM3),
                Base64.getDecoder().decode(answer.signature()));
        JsonNode record = answer.access().record();
        assertThat(record.path("decision").asText()).isEqualTo("GRANTED");
        assertThat(answer.items()).allSatisfy(item -> assertThat(item.records()).isNotEmpty());
        await(server.stop());
    }
}
