package org.qcchain.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qcchain.chaincode.Scenario.CONSENT;
import static org.qcchain.chaincode.Scenario.DATASET;
import static org.qcchain.chaincode.Scenario.SUBJECT;
import static org.qcchain.chaincode.Scenario.VEHICLES;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.qcchain.chaincode.model.AccessRecord;
import org.qcchain.chaincode.model.AccessRequest;
import org.qcchain.chaincode.model.ConsentView;
import org.qcchain.chaincode.model.Decision;
import org.qcchain.chaincode.model.Page;
import org.qcchain.chaincode.model.RequestedItem;
import org.qcchain.chaincode.model.SignedAccessRequest;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;

/**
 * A data subject reading their own records through their identity provider (purpose
 * SUBJECT_ACCESS): no consent and no agreement, the identity provider's signature as the
 * attestation, every other check of a data request still in force, and every decision recorded
 * in the subject's own trail.
 */
class SubjectAccessTest {

    static final String PURPOSE = "SUBJECT_ACCESS";
    static final String SESSION = "auth-session-0001";

    /** The app asks for all of the subject's social-insurance fields and a vehicle field. */
    static AccessRequest selfRequest(String requester, List<RequestedItem> items) {
        return new AccessRequest(requester, SUBJECT, SESSION, PURPOSE, items, null, null, null);
    }

    static AccessRequest selfRequest() {
        return selfRequest("CitizenAppMSP", List.of(
                new RequestedItem(DATASET, List.of("employer", "monthlyBase", "medicalRecord")),
                new RequestedItem(VEHICLES, List.of("plate"))));
    }

    static SignedAccessRequest appSigned(Scenario s, AccessRequest request) {
        return Scenario.sign(s.stamped(request), s.net.citizenApp.client);
    }

    @Nested
    class Granting {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void grants_the_identity_provider_s_request_without_consent_or_agreement(CryptoSuite suite) {
            Scenario scenario = Scenario.ready(TestNetwork.started(suite));
            AccessRequest request = scenario.stamped(selfRequest());

            TestNetwork.Outcome outcome = scenario.submitRequest(scenario.net.bureau,
                    Scenario.sign(request, scenario.net.citizenApp.client)).assertCommitted();

            AccessRecord record = outcome.as(AccessRecord.class);
            assertThat(record.decision()).as(record.reason()).isEqualTo(Decision.GRANTED);
            assertThat(record.accessId()).isEqualTo(outcome.txId());
            assertThat(record.consumerMspId()).isEqualTo("CitizenAppMSP");
            assertThat(record.submitterMspId()).isEqualTo("BureauMSP");
            assertThat(record.purpose()).isEqualTo(PURPOSE);
            assertThat(record.consentId()).isEqualTo(SESSION);
            assertThat(record.requestHash()).isEqualTo(suite.hashHex(Json.canonicalBytes(request)));
            assertThat(record.items()).extracting(i -> i.datasetId() + "@" + i.providerMspId() + "/" + i.agreementId())
                    .containsExactly(DATASET + "@SocialInsuranceMSP/null", VEHICLES + "@VehicleAdminMSP/null");
            assertThat(record.usesRemaining()).isNull();
            assertThat(record.retainUntil()).isNull();
        }

        @Test
        void the_identity_provider_may_submit_its_own_request_and_no_consent_use_is_spent() {
            Scenario scenario = Scenario.ready(TestNetwork.started(CryptoSuite.P256_SHA256));

            AccessRecord record = scenario.submitRequest(scenario.net.citizenApp, appSigned(scenario, selfRequest()))
                    .assertCommitted().as(AccessRecord.class);

            assertThat(record.decision()).isEqualTo(Decision.GRANTED);
            assertThat(record.submitterMspId()).isEqualTo("CitizenAppMSP");
            ConsentView consent = scenario.net.evaluate(scenario.net.auditOffice, "Consents:getConsent", CONSENT)
                    .as(ConsentView.class);
            assertThat(consent.usage().uses()).isZero();
        }

        @Test
        void the_access_appears_in_the_subject_s_own_trail_beside_the_bank_s() {
            Scenario scenario = Scenario.ready(TestNetwork.started(CryptoSuite.P256_SHA256));
            AccessRecord bank = scenario.bankRequests();
            scenario.net.advance(Duration.ofMinutes(1));
            AccessRecord own = scenario.submitRequest(scenario.net.bureau, appSigned(scenario, selfRequest()))
                    .assertCommitted().as(AccessRecord.class);

            Page<AccessRecord> trail = scenario.net.evaluate(scenario.net.citizenApp, "Access:listAccessRecords",
                    "{\"scope\":\"SUBJECT\",\"party\":\"" + SUBJECT + "\"}")
                    .as(new TypeReference<Page<AccessRecord>>() {});

            assertThat(trail.records()).extracting(AccessRecord::accessId)
                    .containsExactly(bank.accessId(), own.accessId());
        }

        @Test
        void the_event_names_the_decision_but_not_the_subject() {
            Scenario scenario = Scenario.ready(TestNetwork.started(CryptoSuite.P256_SHA256));
            scenario.submitRequest(scenario.net.bureau, appSigned(scenario, selfRequest())).assertCommitted();

            var event = scenario.net.ledger.events().get(scenario.net.ledger.events().size() - 1);
            String payload = new String(event.payload(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(event.name()).isEqualTo("AccessDecided");
            assertThat(payload).contains("GRANTED", "CitizenAppMSP").doesNotContain(SUBJECT);
        }
    }

    /** How a denial case prepares the world and the request. */
    interface Case {
        SignedAccessRequest prepare(Scenario scenario);
    }

    static Stream<Arguments> denials() {
        return Stream.of(
                Arguments.of(ErrorCode.SUBJECT_ACCESS_NOT_ALLOWED, (Case) s -> Scenario.sign(
                        s.stamped(selfRequest("BankMSP", selfRequest().items())), s.net.bank.client)),
                Arguments.of(ErrorCode.SUBJECT_ACCESS_NOT_ALLOWED, (Case) s -> Scenario.sign(
                        s.stamped(selfRequest("AuditOfficeMSP", selfRequest().items())), s.net.auditOffice.client)),
                Arguments.of(ErrorCode.ORGANISATION_NOT_REGISTERED, (Case) s -> Scenario.sign(
                        s.stamped(selfRequest("OutsiderMSP", selfRequest().items())), s.net.outsider.client)),
                Arguments.of(ErrorCode.CERTIFICATE_UNTRUSTED, (Case) s -> Scenario.sign(
                        s.stamped(selfRequest()), s.net.bank.client)),
                Arguments.of(ErrorCode.BAD_SIGNATURE, (Case) s -> {
                    SignedAccessRequest genuine = appSigned(s, selfRequest());
                    AccessRequest r = genuine.request();
                    AccessRequest otherSubject = new AccessRequest(r.consumerMspId(), Scenario.OTHER_SUBJECT,
                            r.consentId(), r.purpose(), r.items(), null, r.timestamp(), r.nonce());
                    return new SignedAccessRequest(otherSubject, genuine.certificate(), genuine.signature());
                }),
                Arguments.of(ErrorCode.REQUEST_STALE, (Case) s -> Scenario.sign(Scenario.stamped(selfRequest(),
                        s.net.now().minus(Duration.ofMinutes(6))), s.net.citizenApp.client)),
                Arguments.of(ErrorCode.REQUEST_REPLAYED, (Case) s -> {
                    SignedAccessRequest signed = appSigned(s, selfRequest());
                    s.submitRequest(s.net.bureau, signed).assertCommitted();
                    return signed;
                }),
                Arguments.of(ErrorCode.DATASET_NOT_FOUND, (Case) s -> appSigned(s, selfRequest("CitizenAppMSP",
                        List.of(new RequestedItem("unknown.dataset", List.of("employer")))))),
                Arguments.of(ErrorCode.DATASET_RETIRED, (Case) s -> {
                    s.net.submit(s.net.vehicleAdmin, "Catalogue:retireDataset", VEHICLES, "replaced")
                            .assertCommitted();
                    return appSigned(s, selfRequest());
                }),
                Arguments.of(ErrorCode.FIELD_NOT_COVERED, (Case) s -> appSigned(s, selfRequest("CitizenAppMSP",
                        List.of(new RequestedItem(DATASET, List.of("employer", "favouriteColour")))))));
    }

    @ParameterizedTest(name = "{0}: {index}")
    @MethodSource("denials")
    void a_denied_subject_access_is_recorded_with_its_reason(ErrorCode reason, Case setup) {
        Scenario scenario = Scenario.ready(TestNetwork.started(CryptoSuite.P256_SHA256));
        SignedAccessRequest signed = setup.prepare(scenario);

        AccessRecord record = scenario.submitRequest(scenario.net.bureau, signed).assertCommitted()
                .as(AccessRecord.class);

        assertThat(record.decision()).isEqualTo(Decision.DENIED);
        assertThat(record.reasonCode()).as(record.reason()).isEqualTo(reason.code());
        assertThat(record.purpose()).isEqualTo(PURPOSE);
        AccessRecord audited = scenario.net.evaluate(scenario.net.auditOffice, "Access:getAccessRecord",
                record.accessId()).as(AccessRecord.class);
        assertThat(audited).isEqualTo(record);
    }

    @Test
    void a_consumer_s_subject_access_spends_its_nonce_once_its_signature_verified() {
        Scenario scenario = Scenario.ready(TestNetwork.started(CryptoSuite.P256_SHA256));
        SignedAccessRequest bank = Scenario.sign(scenario.stamped(selfRequest("BankMSP", selfRequest().items())),
                scenario.net.bank.client);

        AccessRecord first = scenario.submitRequest(scenario.net.bank, bank).assertCommitted().as(AccessRecord.class);
        AccessRecord again = scenario.submitRequest(scenario.net.bank, bank).assertCommitted().as(AccessRecord.class);

        assertThat(first.reasonCode()).isEqualTo(ErrorCode.SUBJECT_ACCESS_NOT_ALLOWED.code());
        assertThat(first.reason()).contains("reserved for a subject's identity provider");
        assertThat(again.reasonCode()).isEqualTo(ErrorCode.REQUEST_REPLAYED.code());
    }

    @Test
    void another_organisation_may_not_submit_the_identity_provider_s_request_and_nothing_is_written() {
        Scenario scenario = Scenario.ready(TestNetwork.started(CryptoSuite.P256_SHA256));
        long height = scenario.net.ledger.height();

        scenario.submitRequest(scenario.net.insurer, appSigned(scenario, selfRequest()))
                .assertError(ErrorCode.NOT_AUTHORIZED);

        assertThat(scenario.net.ledger.height()).isEqualTo(height);
    }

    @Test
    void a_subject_that_is_not_a_pseudonym_is_refused_as_malformed() {
        Scenario scenario = Scenario.ready(TestNetwork.started(CryptoSuite.P256_SHA256));
        AccessRequest r = selfRequest();
        AccessRequest clear = new AccessRequest(r.consumerMspId(), "370102199001011234", r.consentId(), r.purpose(),
                r.items(), null, null, null);

        TestNetwork.Outcome outcome = scenario.submitRequest(scenario.net.bureau, appSigned(scenario, clear));

        outcome.assertError(ErrorCode.INVALID_ARGUMENT);
        assertThat(outcome.message()).doesNotContain("370102199001011234");
    }
}
