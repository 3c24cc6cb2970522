package org.qcchain.node.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qcchain.common.answer.AnswerSignatures;
import org.qcchain.common.answer.DataAnswer;
import org.qcchain.common.auth.RequestSigner;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;
import org.qcchain.common.seal.SealException;
import org.qcchain.common.seal.SealedEnvelope;
import org.qcchain.common.seal.Sealer;
import org.qcchain.node.http.DemoNodes;
import org.qcchain.node.http.NodeServer;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.sdk.DataRequest;
import org.qcchain.sdk.QcchainClient;
import org.qcchain.sdk.verify.TrustAnchors;
import org.qcchain.sdk.verify.TrustAnchorsBuilder;
import org.qcchain.sdk.verify.VerifiedAnswer;

/**
 * Answers sealed to the consumer's certificate, end to end: the demo platform on a real embedded
 * ledger, a real node on a loopback port, requests signed and answers opened with real keys.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SealedAnswersEndToEndTest {

    private static final String SEALED = "application/vnd.qcchain.sealed+json";
    private static final CryptoSuite SUITE = CryptoSuite.P256_SHA256;

    @TempDir
    static Path folder;
    static DemoPlatform demo;
    static final DemoService LOAN = DemoService.all().get(0);

    NodeServer server;
    WebClient client;

    @BeforeAll
    static void platform() throws Exception {
        demo = DemoPlatform.create(folder, 70, 7L, new PrintStream(OutputStream.nullOutputStream()));
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
    void a_sealed_answer_opened_with_the_banks_key_is_an_answer_that_verifies() throws Exception {
        HttpResponse<Buffer> response = request(0, SEALED);

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).isEqualTo(SEALED);
        assertThat(response.headers().getAll("Vary")).as("a cache must key the answer by Accept")
                .containsExactly("Accept");
        assertThat(response.bodyAsString()).doesNotContain(demo.subject(0)).doesNotContain("disclosure");
        byte[] opened = Sealer.open(SUITE, bank().identity().privateKey(), bank().identity().certificate(),
                response.bodyAsString());
        DataAnswer answer = DataAnswer.fromJson(new String(opened, StandardCharsets.UTF_8));
        AnswerCheck.verify(answer);
        SUITE.verify(demo.pki().node().identity().certificate().getPublicKey(), AnswerSignatures.signedBytes(answer, SUITE),
                Base64.getDecoder().decode(answer.signature()));
        assertThat(answer.access().record().path("decision").asText()).isEqualTo("GRANTED");
        assertThat(recordedAnswerHash(response.getHeader("X-Qc-Access-Id")))
                .as("the receipt holds the hash of the plain answer")
                .isEqualTo(SUITE.hashHex(opened));
    }

    @Test
    void another_organisations_key_cannot_open_the_sealed_answer() {
        HttpResponse<Buffer> response = request(1, SEALED);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        LedgerIdentity insurer = demo.pki().client(DemoOrganisation.MOTOR_INSURER);

        assertThatThrownBy(() -> Sealer.open(SUITE, insurer.identity().privateKey(),
                insurer.identity().certificate(), response.bodyAsString()))
                .isInstanceOf(SealException.class);
        assertThatThrownBy(() -> Sealer.open(SUITE, insurer.identity().privateKey(),
                bank().identity().certificate(), response.bodyAsString()))
                .isInstanceOf(SealException.class)
                .hasMessageContaining("does not open");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "application/json", "*/*", "application/xml",
        "application/vnd.qcchain.sealed+json;q=0", "application/vnd.qcchain.sealed"})
    void any_other_accept_value_gets_the_plain_answer(String accept) throws Exception {
        HttpResponse<Buffer> response = request(2, accept);

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(response.headers().getAll("Vary"))
                .as("the plain answer depends on Accept as much as the sealed one")
                .containsExactly("Accept");
        AnswerCheck.verify(DataAnswer.fromJson(response.bodyAsString()));
    }

    @Test
    void the_sealed_type_is_found_among_several_accepted_types() throws Exception {
        HttpResponse<Buffer> response = request(3, "application/json;q=0.5, Application/VND.qcchain.sealed+JSON");

        assertThat(response.getHeader("Content-Type")).isEqualTo(SEALED);
        assertThat(response.headers().getAll("Vary")).containsExactly("Accept");
        assertThat(Json.parse(response.bodyAsString(), SealedEnvelope.class).recipientCertificateFingerprint())
                .isEqualTo(org.qcchain.common.crypto.Certificates.fingerprint(bank().identity().certificate()));
    }

    @Test
    void the_sdk_with_sealed_answers_gets_a_verified_answer_from_the_node() throws Exception {
        TrustAnchorsBuilder anchors = TrustAnchors.builder();
        try (Stream<Path> organisations = Files.list(folder.resolve("msp"))) {
            for (Path organisation : organisations.sorted().toList()) {
                anchors.organisation(organisation.getFileName().toString(),
                        Files.readString(organisation.resolve("ca.pem")));
            }
        }
        anchors.nodeCa(Files.readString(folder.resolve("msp").resolve(DemoOrganisation.BUREAU).resolve("ca.pem")));
        QcchainClient client = QcchainClient.builder().endpoint(URI.create("http://127.0.0.1:" + server.port()))
                .identity(DemoOrganisation.BANK, bank().identity()).trustAnchors(anchors.build())
                .sealedAnswers(true).build();
        DataRequest.Builder request = DataRequest.builder().consumer(DemoOrganisation.BANK).subject(demo.subject(4))
                .consent(LOAN.consentId(4)).purpose(LOAN.purpose());
        LOAN.items().forEach(item -> request.item(item.datasetId(), item.fields().toArray(String[]::new)));

        VerifiedAnswer answer = client.requestData(request.build().sign(bank().identity()));

        assertThat(answer.subject()).isEqualTo(demo.subject(4));
        assertThat(answer.records().keySet()).containsExactly(
                DemoCatalogue.PROVIDENT_FUND, DemoCatalogue.REAL_ESTATE, DemoCatalogue.SOCIAL_INSURANCE);
    }

    private String recordedAnswerHash(String accessId) throws Exception {
        // the node records the delivery after answering: wait for that transaction, boundedly
        for (int i = 0; i < 100; i++) {
            JsonNode record = Json.tree(demo.ledger().evaluate(demo.pki().node(), "Access:getAccessRecord",
                    accessId));
            if (record.hasNonNull("answerHash")) {
                return record.path("answerHash").asText();
            }
            Thread.sleep(50);
        }
        return null;
    }

    private static LedgerIdentity bank() {
        return demo.pki().client(DemoOrganisation.BANK);
    }

    private HttpResponse<Buffer> request(int citizen, String accept) {
        String body = TryRequest.signedRequest(bank(), demo.subject(citizen), LOAN.consentId(citizen),
                LOAN.purpose(), LOAN.items());
        HttpRequest<Buffer> request = client.post(server.port(), "127.0.0.1", "/v1/data-requests");
        RequestSigner.create(bank().mspId(), bank().identity())
                .sign("POST", "/v1/data-requests", body.getBytes(StandardCharsets.UTF_8))
                .asMap().forEach(request::putHeader);
        request.putHeader("Content-Type", "application/json");
        if (!accept.isEmpty()) {
            request.putHeader("Accept", accept);
        }
        return await(request.sendBuffer(Buffer.buffer(body)));
    }
}
