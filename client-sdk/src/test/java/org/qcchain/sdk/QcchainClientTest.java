package org.qcchain.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.sdk.examples.synthetic.AnswerFactory;
import org.qcchain.sdk.examples.synthetic.Scenario;
import org.qcchain.sdk.examples.synthetic.SyntheticNetwork;
import org.qcchain.sdk.verify.VerificationException;
import org.qcchain.sdk.verify.VerificationFailure;
import org.qcchain.sdk.verify.VerifiedAnswer;

/** The client against a real HTTP server that checks the signature headers as the node does. */
class QcchainClientTest {

    private static final String SOCIAL = "social.insurance.contributions";
    private static final String SUBJECT = "5a".repeat(32);

    private static Scenario scenario() {
        return new Scenario().consumer("BankMSP").purpose("LOAN_UNDERWRITING").dataset(SOCIAL, "SocialInsuranceMSP", 9,
                Map.of("paidMonths", IntNode.valueOf(48), "employer", TextNode.valueOf("Jinan Steel")),
                Set.of("paidMonths"));
    }

    private static DataRequest request() {
        return DataRequest.builder().consumer("BankMSP").subject(SUBJECT).consent("consent-0001")
                .purpose("LOAN_UNDERWRITING").item(SOCIAL, "paidMonths").build();
    }

    private static QcchainClient client(NodeStub node, SyntheticNetwork network, Identity bank) {
        network.ca("SocialInsuranceMSP");   // trust anchors are taken now: the provider's CA must exist
        return QcchainClient.builder().endpoint(node.endpoint()).identity("BankMSP", bank)
                .trustAnchors(network.trustAnchors()).requestTimeout(Duration.ofSeconds(10)).build();
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void request_data_returns_the_verified_answer_to_the_signed_request(CryptoSuite suite) throws Exception {
        SyntheticNetwork network = SyntheticNetwork.create(suite);
        AnswerFactory factory = AnswerFactory.create(network, 7);
        Identity bank = network.member("BankMSP", "loan-officer");
        try (NodeStub node = new NodeStub(suite)) {
            node.on("POST /v1/data-requests", body -> new NodeStub.Reply(200,
                    factory.answer(scenario().request(Json.tree(body).get("request"))).answer().toJson()));

            VerifiedAnswer answer = client(node, network, bank).requestData(request().sign(bank));

            assertThat(answer.records(SOCIAL).get(0).values().get("paidMonths").asLong()).isEqualTo(48);
            assertThat(answer.subject()).isEqualTo(SUBJECT);
            assertThat(node.bodySigned).as("sent without signature headers, authenticated by its own signature")
                    .containsExactly("POST /v1/data-requests");
        }
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void request_data_refuses_an_answer_for_another_request(CryptoSuite suite) throws Exception {
        SyntheticNetwork network = SyntheticNetwork.create(suite);
        AnswerFactory factory = AnswerFactory.create(network, 8);
        Identity bank = network.member("BankMSP", "loan-officer");
        try (NodeStub node = new NodeStub(suite)) {
            node.on("POST /v1/data-requests", body -> new NodeStub.Reply(200, factory.answer(scenario()).answer().toJson()));

            assertThatThrownBy(() -> client(node, network, bank).requestData(request().sign(bank)))
                    .isInstanceOfSatisfying(VerificationException.class,
                            e -> assertThat(e.failure()).isEqualTo(VerificationFailure.ANSWER_FOR_ANOTHER_REQUEST));
        }
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void a_denial_comes_as_an_api_exception_with_its_code_and_access_id(CryptoSuite suite) throws Exception {
        SyntheticNetwork network = SyntheticNetwork.create(suite);
        Identity bank = network.member("BankMSP", "loan-officer");
        try (NodeStub node = new NodeStub(suite)) {
            node.on("POST /v1/data-requests", body -> NodeStub.problem(403, "CONSENT_REVOKED", "revoked", "tx-42"));

            assertThatThrownBy(() -> client(node, network, bank).requestData(request().sign(bank)))
                    .isInstanceOfSatisfying(QcchainApiException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(ErrorCode.CONSENT_REVOKED);
                        assertThat(e.status()).isEqualTo(403);
                        assertThat(e.accessId()).contains("tx-42");
                    });
        }
    }

    @Test
    void a_request_the_node_cannot_verify_is_refused_with_the_nodes_code() throws Exception {
        SyntheticNetwork network = SyntheticNetwork.create(CryptoSuite.P256_SHA256);
        Identity bank = network.member("BankMSP", "loan-officer");
        try (NodeStub node = new NodeStub(CryptoSuite.SM2_SM3)) {
            assertThatThrownBy(() -> client(node, network, bank).whoami())
                    .isInstanceOfSatisfying(QcchainApiException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.CERTIFICATE_UNTRUSTED));
        }
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void whoami_revocation_and_paging_reach_their_routes_signed(CryptoSuite suite) throws Exception {
        SyntheticNetwork network = SyntheticNetwork.create(suite);
        Identity bank = network.member("BankMSP", "loan-officer");
        try (NodeStub node = new NodeStub(suite)) {
            node.on("GET /v1/whoami", body -> new NodeStub.Reply(200, "{\"mspId\":\"BankMSP\",\"roles\":[\"CONSUMER\"],"
                    + "\"subject\":\"CN=x\",\"issuer\":\"CN=y\",\"certificateFingerprint\":\"ab\",\"cryptoSuite\":\""
                    + suite + "\"}"));
            node.on("POST /v1/consents/consent-0001/revoke", body -> new NodeStub.Reply(200, body));
            node.on("GET /v1/access-records", body -> new NodeStub.Reply(200,
                    "{\"records\":[{\"accessId\":\"a1\"}],\"bookmark\":\"" + (node.targets.size() < 4 ? "b1" : "")
                            + "\",\"fetched\":1}"));
            QcchainClient client = client(node, network, bank);

            assertThat(client.whoami().roles()).containsExactly("CONSUMER");
            JsonNode revoked = client.revokeConsent("consent-0001", "subject withdrew");
            assertThat(revoked.get("consentId").asText()).isEqualTo("consent-0001");
            AccessRecordPage first = client.accessRecords(AccessRecordQuery.subject(SUBJECT), "");
            AccessRecordPage second = client.accessRecords(AccessRecordQuery.subject(SUBJECT), first.bookmark());

            assertThat(first.hasMore()).isTrue();
            assertThat(second.hasMore()).isFalse();
            assertThat(node.targets.get(3)).isEqualTo("GET /v1/access-records?scope=SUBJECT&party=" + SUBJECT
                    + "&pageSize=50&bookmark=b1");
        }
    }

    @Test
    void a_transaction_is_fetched_by_id_and_a_malformed_id_never_leaves() throws Exception {
        SyntheticNetwork network = SyntheticNetwork.create(CryptoSuite.P256_SHA256);
        Identity auditor = network.member("AuditOfficeMSP", "auditor");
        String txId = "0a".repeat(32);
        try (NodeStub node = new NodeStub(CryptoSuite.P256_SHA256)) {
            node.on("GET /v1/transactions/" + txId, body -> new NodeStub.Reply(200, "{\"txId\":\"" + txId
                    + "\",\"blockNumber\":3,\"index\":1,\"validationCode\":\"VALID\"}"));
            node.on("GET /v1/transactions/" + "0b".repeat(32), body -> NodeStub.problem(404, "TRANSACTION_NOT_FOUND",
                    "no transaction", null));
            QcchainClient client = client(node, network, auditor);

            JsonNode tx = client.transaction(txId);
            QcchainApiException missing = catchThrowableOfType(QcchainApiException.class,
                    () -> client.transaction("0b".repeat(32)));

            assertThat(tx.path("blockNumber").asLong()).isEqualTo(3);
            assertThat(missing.getErrorCode()).isEqualTo(ErrorCode.TRANSACTION_NOT_FOUND);
            assertThatThrownBy(() -> client.transaction("../blocks/1")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("txId");
            assertThat(node.targets).containsExactly("GET /v1/transactions/" + txId,
                    "GET /v1/transactions/" + "0b".repeat(32));
        }
    }

    @Test
    void the_builder_names_what_is_missing_or_wrong() {
        assertThatThrownBy(() -> QcchainClient.builder().build()).hasMessageContaining("endpoint");
        assertThatThrownBy(() -> QcchainClient.builder().endpoint(URI.create("ftp://node"))).hasMessageContaining("http");
        assertThatThrownBy(() -> QcchainClient.builder().endpoint(URI.create("http://node/v1")))
                .hasMessageContaining("path");
        assertThatThrownBy(() -> QcchainClient.builder().requestTimeout(Duration.ZERO))
                .hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> QcchainClient.builder().identity("BankMSP", null)).hasMessageContaining("identity");
        assertThatThrownBy(() -> QcchainClient.builder().endpoint(URI.create("http://node")).build())
                .hasMessageContaining("identity");
    }
}
