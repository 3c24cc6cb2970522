package org.qcchain.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qcchain.chaincode.Scenario.CONSENT;
import static org.qcchain.chaincode.Scenario.PURPOSE;
import static org.qcchain.chaincode.Scenario.SUBJECT;
import static org.qcchain.chaincode.Scenario.request;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.chaincode.model.AccessRecord;
import org.qcchain.chaincode.model.AccessRequest;
import org.qcchain.chaincode.model.ConsentView;
import org.qcchain.chaincode.model.Decision;
import org.qcchain.chaincode.model.SignedAccessRequest;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;

class AccessContractTest {

    @Nested
    class Granting {
        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void grants_a_signed_request_covered_by_agreement_and_consent(CryptoSuite suite) {
            Scenario scenario = Scenario.ready(TestNetwork.started(suite));
            AccessRequest request = scenario.stamped(request(CONSENT, List.of("employer", "monthsPaid")));

            TestNetwork.Outcome outcome = scenario.submitRequest(scenario.net.bank,
                    Scenario.sign(request, scenario.net.bank.client)).assertCommitted();

            AccessRecord record = outcome.as(AccessRecord.class);
            assertThat(record.decision()).isEqualTo(Decision.GRANTED);
            assertThat(record.reasonCode()).isNull();
            assertThat(record.accessId()).isEqualTo(outcome.txId());
            assertThat(record.hashSuite()).isEqualTo(suite.name());
            assertThat(record.requestHash()).isEqualTo(suite.hashHex(Json.canonicalBytes(request)));
            assertThat(record.items()).singleElement().satisfies(item -> {
                assertThat(item.providerMspId()).isEqualTo("SocialInsuranceMSP");
                assertThat(item.agreementId()).isEqualTo(Scenario.AGREEMENT);
                assertThat(item.fields()).containsExactly("employer", "monthsPaid");
            });
            assertThat(record.usesRemaining()).isEqualTo(9L);
            assertThat(record.retainUntil()).isEqualTo(scenario.net.now().plus(Duration.ofDays(30)).toString());
            assertThat(record.submitterMspId()).isEqualTo("BankMSP");
        }

        @Test
        void spends_one_use_of_the_consent_and_remembers_the_last_use() {
            Scenario scenario = Scenario.ready(TestNetwork.started(CryptoSuite.P256_SHA256));
            AccessRecord record = scenario.bankRequests();

            ConsentView view = scenario.net.evaluate(scenario.net.citizenApp, "Consents:getConsent", CONSENT)
                    .as(ConsentView.class);
            assertThat(view.usage().uses()).isEqualTo(1);
            assertThat(view.usage().lastAccessId()).isEqualTo(record.accessId());
            assertThat(view.usage().lastUsedAt()).isEqualTo(scenario.net.now().toString());
        }

        @Test
        void accepts_requests_mediated_by_the_operators_node() {
            Scenario scenario = Scenario.ready(TestNetwork.started(CryptoSuite.P256_SHA256));
            SignedAccessRequest signed = Scenario.sign(scenario.stamped(request(CONSENT, List.of("employer"))),
                    scenario.net.bank.client);

            AccessRecord record = scenario.submitRequest(scenario.net.bureau, signed).assertCommitted()
                    .as(AccessRecord.class);

            assertThat(record.decision()).isEqualTo(Decision.GRANTED);
            assertThat(record.submitterMspId()).isEqualTo("BureauMSP");
            assertThat(record.consumerMspId()).isEqualTo("BankMSP");
        }

        @Test
        void emits_an_access_event_without_the_subject() {
            Scenario scenario = Scenario.ready(TestNetwork.started(CryptoSuite.P256_SHA256));
            AccessRecord record = scenario.bankRequests();

            var event = scenario.net.ledger.events().get(scenario.net.ledger.events().size() - 1);
            assertThat(event.name()).isEqualTo("AccessDecided");
            String payload = new String(event.payload(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(payload).contains(record.accessId()).contains("GRANTED").doesNotContain(SUBJECT);
        }
    }

    @Nested
    class Refusing {
        private Scenario scenario;

        @BeforeEach
        void setUp() {
            scenario = Scenario.ready(TestNetwork.started(CryptoSuite.P256_SHA256));
        }

        @Test
        void refuses_a_submitter_that_is_neither_the_consumer_nor_an_operator_and_writes_nothing() {
            SignedAccessRequest signed = Scenario.sign(scenario.stamped(request(CONSENT, List.of("employer"))),
                    scenario.net.bank.client);
            long height = scenario.net.ledger.height();

            scenario.submitRequest(scenario.net.insurer, signed).assertError(ErrorCode.NOT_AUTHORIZED);

            assertThat(scenario.net.ledger.height()).isEqualTo(height);
        }

        @Test
        void refuses_malformed_json() {
            scenario.net.submit(scenario.net.bank, "Access:requestAccess", "{\"request\": ")
                    .assertError(ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void refuses_unknown_fields() {
            String json = Json.write(Scenario.sign(scenario.stamped(request(CONSENT, List.of("employer"))),
                    scenario.net.bank.client));
            String tampered = json.substring(0, json.length() - 1) + ",\"admin\":true}";
            scenario.net.submit(scenario.net.bank, "Access:requestAccess", tampered)
                    .assertError(ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void refuses_a_request_without_nonce() {
            AccessRequest stamped = scenario.stamped(request(CONSENT, List.of("employer")));
            AccessRequest noNonce = new AccessRequest(stamped.consumerMspId(), stamped.subject(), stamped.consentId(),
                    stamped.purpose(), stamped.items(), null, stamped.timestamp(), null);
            scenario.submitRequest(scenario.net.bank, Scenario.sign(noNonce, scenario.net.bank.client))
                    .assertError(ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void refuses_a_subject_that_is_not_a_pseudonym() {
            AccessRequest stamped = scenario.stamped(request(CONSENT, List.of("employer")));
            AccessRequest clear = new AccessRequest(stamped.consumerMspId(), "370102199001011234",
                    stamped.consentId(), stamped.purpose(), stamped.items(), null, stamped.timestamp(), stamped.nonce());
            TestNetwork.Outcome outcome = scenario.submitRequest(scenario.net.bank,
                    Scenario.sign(clear, scenario.net.bank.client));
            outcome.assertError(ErrorCode.INVALID_ARGUMENT);
            assertThat(outcome.message()).doesNotContain("370102199001011234");
        }

        @Test
        void refuses_a_missing_certificate() {
            AccessRequest stamped = scenario.stamped(request(CONSENT, List.of("employer")));
            SignedAccessRequest signed = Scenario.sign(stamped, scenario.net.bank.client);
            scenario.submitRequest(scenario.net.bank, new SignedAccessRequest(stamped, null, signed.signature()))
                    .assertError(ErrorCode.INVALID_ARGUMENT);
        }
    }

    @Nested
    class Trail {
        private Scenario scenario;

        @BeforeEach
        void setUp() {
            scenario = Scenario.ready(TestNetwork.started(CryptoSuite.P256_SHA256));
        }

        @Test
        void a_denied_request_leaves_its_record_and_spends_no_use() {
            AccessRecord denied = scenario.bankRequests(request(CONSENT, List.of("medicalRecord")));

            assertThat(denied.decision()).isEqualTo(Decision.DENIED);
            AccessRecord stored = scenario.net.evaluate(scenario.net.auditOffice, "Access:getAccessRecord",
                    denied.accessId()).as(AccessRecord.class);
            assertThat(stored).isEqualTo(denied);
            ConsentView view = scenario.net.evaluate(scenario.net.citizenApp, "Consents:getConsent", CONSENT)
                    .as(ConsentView.class);
            assertThat(view.usage().uses()).isZero();
        }

        @Test
        void auditors_list_every_record_in_time_order_with_paging() {
            for (int i = 0; i < 5; i++) {
                scenario.bankRequests();
                scenario.net.advance(Duration.ofHours(1));
            }
            var page1 = listAll(null, 2);
            var page2 = listAll(page1.bookmark(), 2);
            var page3 = listAll(page2.bookmark(), 2);

            assertThat(page1.records()).hasSize(2);
            assertThat(page2.records()).hasSize(2);
            assertThat(page3.records()).hasSize(1);
            assertThat(page3.bookmark()).isEmpty();
            List<String> times = new java.util.ArrayList<>();
            for (var page : List.of(page1, page2, page3)) {
                page.records().forEach(r -> times.add(r.decidedAt()));
            }
            assertThat(times).isSorted().doesNotHaveDuplicates();
        }

        @Test
        void filters_by_decision_time() {
            scenario.bankRequests();
            scenario.net.advance(Duration.ofHours(1));
            Instant middle = scenario.net.now();
            AccessRecord later = scenario.bankRequests();

            var page = list(scenario.net.auditOffice, "{\"scope\":\"ALL\",\"from\":\"" + middle + "\"}");
            assertThat(page.records()).extracting(AccessRecord::accessId).containsExactly(later.accessId());
            var before = list(scenario.net.auditOffice, "{\"scope\":\"ALL\",\"to\":\"" + middle + "\"}");
            assertThat(before.records()).hasSize(1).extracting(AccessRecord::accessId)
                    .doesNotContain(later.accessId());
        }

        @Test
        void a_consumer_lists_its_own_trail_but_not_anothers() {
            scenario.bankRequests();
            var own = list(scenario.net.bank, "{\"scope\":\"CONSUMER\",\"party\":\"BankMSP\"}");
            assertThat(own.records()).hasSize(1);

            scenario.net.evaluate(scenario.net.insurer, "Access:listAccessRecords",
                    "{\"scope\":\"CONSUMER\",\"party\":\"BankMSP\"}").assertError(ErrorCode.NOT_AUTHORIZED);
            scenario.net.evaluate(scenario.net.bank, "Access:listAccessRecords", "{\"scope\":\"ALL\"}")
                    .assertError(ErrorCode.NOT_AUTHORIZED);
        }

        @Test
        void a_provider_lists_the_requests_for_its_datasets() {
            scenario.bankRequests();
            var provider = list(scenario.net.socialInsurance,
                    "{\"scope\":\"PROVIDER\",\"party\":\"SocialInsuranceMSP\"}");
            var other = list(scenario.net.vehicleAdmin, "{\"scope\":\"PROVIDER\",\"party\":\"VehicleAdminMSP\"}");
            assertThat(provider.records()).hasSize(1);
            assertThat(other.records()).isEmpty();
        }

        @Test
        void the_identity_provider_shows_a_subject_who_used_their_data() {
            scenario.bankRequests();
            var trail = list(scenario.net.citizenApp, "{\"scope\":\"SUBJECT\",\"party\":\"" + SUBJECT + "\"}");
            assertThat(trail.records()).singleElement().satisfies(r -> {
                assertThat(r.consumerMspId()).isEqualTo("BankMSP");
                assertThat(r.purpose()).isEqualTo(PURPOSE);
            });
        }

        @Test
        void refuses_a_bookmark_that_reaches_into_another_trail() {
            scenario.bankRequests();
            String forged = "access~c~BankMSP~";
            scenario.net.evaluate(scenario.net.insurer, "Access:listAccessRecords",
                    "{\"scope\":\"CONSUMER\",\"party\":\"InsurerMSP\",\"bookmark\":\"" + forged + "\"}")
                    .assertError(ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void a_record_is_readable_by_its_parties_and_auditors_only() {
            AccessRecord record = scenario.bankRequests();
            for (Member reader : List.of(scenario.net.bank, scenario.net.socialInsurance, scenario.net.auditOffice,
                    scenario.net.citizenApp)) {
                scenario.net.evaluate(reader, "Access:getAccessRecord", record.accessId()).assertOk();
            }
            scenario.net.evaluate(scenario.net.insurer, "Access:getAccessRecord", record.accessId())
                    .assertError(ErrorCode.NOT_AUTHORIZED);
            scenario.net.evaluate(scenario.net.vehicleAdmin, "Access:getAccessRecord", record.accessId())
                    .assertError(ErrorCode.NOT_AUTHORIZED);
        }

        @Test
        void the_submitter_records_the_delivery_of_a_granted_answer_once() {
            AccessRecord record = scenario.bankRequests();
            String hash = "ab".repeat(32);
            String receipt = "{\"accessId\":\"" + record.accessId() + "\",\"answerHash\":\"" + hash + "\"}";

            scenario.net.submit(scenario.net.insurer, "Access:recordDelivery", receipt)
                    .assertError(ErrorCode.NOT_AUTHORIZED);
            AccessRecord delivered = scenario.net.submit(scenario.net.bank, "Access:recordDelivery", receipt)
                    .assertCommitted().as(AccessRecord.class);
            assertThat(delivered.answerHash()).isEqualTo(hash);
            assertThat(delivered.deliveredAt()).isNotNull();
            scenario.net.submit(scenario.net.bank, "Access:recordDelivery", receipt)
                    .assertError(ErrorCode.DELIVERY_ALREADY_RECORDED);
        }

        @Test
        void no_delivery_can_be_recorded_for_a_denied_request() {
            AccessRecord denied = scenario.bankRequests(request(CONSENT, List.of("medicalRecord")));
            scenario.net.submit(scenario.net.bank, "Access:recordDelivery",
                    "{\"accessId\":\"" + denied.accessId() + "\",\"answerHash\":\"" + "cd".repeat(32) + "\"}")
                    .assertError(ErrorCode.INVALID_STATE_TRANSITION);
        }

        private org.qcchain.chaincode.model.Page<AccessRecord> listAll(String bookmark, int size) {
            String bookmarkJson = bookmark == null ? "null" : Json.write(bookmark);
            return list(scenario.net.auditOffice,
                    "{\"scope\":\"ALL\",\"pageSize\":" + size + ",\"bookmark\":" + bookmarkJson + "}");
        }

        private org.qcchain.chaincode.model.Page<AccessRecord> list(Member reader, String query) {
            return scenario.net.evaluate(reader, "Access:listAccessRecords", query)
                    .as(new TypeReference<org.qcchain.chaincode.model.Page<AccessRecord>>() {});
        }
    }
}
