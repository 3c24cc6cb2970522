package org.qcchain.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.json.Json;
import org.qcchain.common.seal.Sealer;
import org.qcchain.sdk.examples.synthetic.AnswerFactory;
import org.qcchain.sdk.examples.synthetic.Scenario;
import org.qcchain.sdk.examples.synthetic.SyntheticNetwork;
import org.qcchain.sdk.verify.VerificationException;
import org.qcchain.sdk.verify.VerificationFailure;
import org.qcchain.sdk.verify.VerifiedAnswer;

/**
 * {@code sealedAnswers(true)}: the client asks for answers sealed to its certificate, opens them
 * with its key before verifying, and refuses what it cannot open or what comes in clear. Served by
 * a real HTTP server on a loopback port that seals as the node does.
 */
class SealedAnswersTest {

    private static final String SEALED = "application/vnd.qcchain.sealed+json";
    private static final String SOCIAL = "social.insurance.contributions";
    private static final String SUBJECT = "5a".repeat(32);

    /** A loopback server answering data requests with a fixed content type; records Accept. */
    private static final class SealingNode implements AutoCloseable {

        final List<String> accepted = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        SealingNode(String contentType, Function<String, String> answer) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/data-requests", exchange -> {
                accepted.add(exchange.getRequestHeaders().getFirst("Accept"));
                byte[] out = answer.apply(new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", contentType);
                exchange.sendResponseHeaders(200, out.length);
                exchange.getResponseBody().write(out);
                exchange.close();
            });
            server.start();
        }

        URI endpoint() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static Scenario scenario() {
        return new Scenario().consumer("BankMSP").purpose("LOAN_UNDERWRITING").dataset(SOCIAL, "SocialInsuranceMSP", 9,
                Map.of("paidMonths", IntNode.valueOf(48), "employer", TextNode.valueOf("Jinan Steel")),
                Set.of("paidMonths"));
    }

    private static DataRequest request() {
        return DataRequest.builder().consumer("BankMSP").subject(SUBJECT).consent("consent-0001")
                .purpose("LOAN_UNDERWRITING").item(SOCIAL, "paidMonths").build();
    }

    private static QcchainClient sealingClient(SealingNode node, SyntheticNetwork network, Identity bank) {
        network.ca("SocialInsuranceMSP");
        return QcchainClient.builder().endpoint(node.endpoint()).identity("BankMSP", bank)
                .trustAnchors(network.trustAnchors()).requestTimeout(Duration.ofSeconds(10))
                .sealedAnswers(true).build();
    }

    private static Function<String, String> answerSealedTo(AnswerFactory factory, CryptoSuite suite,
            X509Certificate recipient) {
        return body -> Sealer.seal(suite, recipient, factory.answer(scenario().request(Json.tree(body).get("request")))
                .answer().toJson().getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void a_sealed_answer_is_asked_for_opened_and_verified(CryptoSuite suite) throws Exception {
        SyntheticNetwork network = SyntheticNetwork.create(suite);
        Identity bank = network.member("BankMSP", "loan-officer");
        try (SealingNode node = new SealingNode(SEALED,
                answerSealedTo(AnswerFactory.create(network, 7), suite, bank.certificate()))) {

            VerifiedAnswer answer = sealingClient(node, network, bank).requestData(request().sign(bank));

            assertThat(answer.records(SOCIAL).get(0).values().get("paidMonths").asLong()).isEqualTo(48);
            assertThat(node.accepted).singleElement().asString().startsWith(SEALED);
        }
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void an_answer_sealed_to_another_member_is_refused(CryptoSuite suite) throws Exception {
        SyntheticNetwork network = SyntheticNetwork.create(suite);
        Identity bank = network.member("BankMSP", "loan-officer");
        Identity colleague = network.member("BankMSP", "auditor");
        try (SealingNode node = new SealingNode(SEALED,
                answerSealedTo(AnswerFactory.create(network, 8), suite, colleague.certificate()))) {

            assertThatThrownBy(() -> sealingClient(node, network, bank).requestData(request().sign(bank)))
                    .isInstanceOfSatisfying(VerificationException.class,
                            e -> assertThat(e.failure()).isEqualTo(VerificationFailure.MALFORMED))
                    .hasMessageContaining("is for certificate");
        }
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void an_answer_in_clear_is_refused_when_a_sealed_one_was_asked_for(CryptoSuite suite) throws Exception {
        SyntheticNetwork network = SyntheticNetwork.create(suite);
        Identity bank = network.member("BankMSP", "loan-officer");
        AnswerFactory factory = AnswerFactory.create(network, 9);
        try (SealingNode node = new SealingNode("application/json",
                body -> factory.answer(scenario().request(Json.tree(body).get("request"))).answer().toJson())) {

            assertThatThrownBy(() -> sealingClient(node, network, bank).requestData(request().sign(bank)))
                    .isInstanceOfSatisfying(VerificationException.class,
                            e -> assertThat(e.failure()).isEqualTo(VerificationFailure.MALFORMED))
                    .hasMessageContaining("in clear");
        }
    }
}
