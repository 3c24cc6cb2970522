package org.qcchain.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qcchain.chaincode.Scenario.CONSENT;
import static org.qcchain.chaincode.Scenario.DATASET;
import static org.qcchain.chaincode.Scenario.request;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qcchain.chaincode.model.AccessRecord;
import org.qcchain.chaincode.model.AccessRequest;
import org.qcchain.chaincode.model.AgreementApproval;
import org.qcchain.chaincode.model.ConsentStatusChange;
import org.qcchain.chaincode.model.ConsentTerms;
import org.qcchain.chaincode.model.ConsentView;
import org.qcchain.chaincode.model.DataRange;
import org.qcchain.chaincode.model.Decision;
import org.qcchain.chaincode.model.FetchType;
import org.qcchain.chaincode.model.RequestedItem;
import org.qcchain.chaincode.model.SignedAccessRequest;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;

/**
 * Every reason a data request is denied, one case each: the world is set up so that exactly one
 * check fails, the request is signed and submitted, and the denial must be committed with its
 * reason, leave the consent's uses untouched, and be readable by auditors.
 */
class AccessDenialTest {

    /** How a case prepares the world and the request. */
    interface Case {
        SignedAccessRequest prepare(Scenario scenario);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                denial(ErrorCode.ORGANISATION_NOT_REGISTERED, s -> {
                    AccessRequest r = as("OutsiderMSP", s.stamped(request(CONSENT, List.of("employer"))));
                    return Scenario.sign(r, s.net.outsider.client);
                }),
                denial(ErrorCode.CERTIFICATE_UNTRUSTED, s -> signedBy(s, s.net.insurer.client)),
                denial(ErrorCode.CERTIFICATE_EXPIRED, s -> signedBy(s,
                        s.net.bank.issue("old-teller", Member.CA_START, Duration.ofDays(30)))),
                denial(ErrorCode.BAD_SIGNATURE, s -> {
                    SignedAccessRequest genuine = signedBy(s, s.net.bank.client);
                    AccessRequest r = genuine.request();
                    AccessRequest widened = new AccessRequest(r.consumerMspId(), r.subject(), r.consentId(),
                            r.purpose(), List.of(new RequestedItem(DATASET, List.of("employer", "monthlyBase"))),
                            r.dataRange(), r.timestamp(), r.nonce());
                    return new SignedAccessRequest(widened, genuine.certificate(), genuine.signature());
                }),
                denial(ErrorCode.REQUEST_STALE, s -> Scenario.sign(Scenario.stamped(
                        request(CONSENT, List.of("employer")), s.net.now().minus(Duration.ofMinutes(6))),
                        s.net.bank.client)),
                denial(ErrorCode.REQUEST_REPLAYED, s -> {
                    SignedAccessRequest signed = signedBy(s, s.net.bank.client);
                    s.submitRequest(s.net.bank, signed).assertCommitted();
                    return signed;
                }),
                denial(ErrorCode.CONSENT_NOT_FOUND, s -> Scenario.sign(
                        s.stamped(request("no-such-consent", List.of("employer"))), s.net.bank.client)),
                denial(ErrorCode.CONSENT_MISMATCH, s -> {
                    AccessRequest r = s.stamped(request(CONSENT, List.of("employer")));
                    return Scenario.sign(new AccessRequest(r.consumerMspId(), Scenario.OTHER_SUBJECT, r.consentId(),
                            r.purpose(), r.items(), null, r.timestamp(), r.nonce()), s.net.bank.client);
                }),
                denial(ErrorCode.CONSENT_MISMATCH, s -> {
                    AccessRequest r = s.stamped(request(CONSENT, List.of("employer")));
                    return Scenario.sign(new AccessRequest(r.consumerMspId(), r.subject(), r.consentId(),
                            "CREDIT_MONITORING", r.items(), null, r.timestamp(), r.nonce()), s.net.bank.client);
                }),
                denial(ErrorCode.CONSENT_MISMATCH, s -> {
                    ConsentTerms t = Scenario.periodicTerms("consent-insurer");
                    s.grantConsent(new ConsentTerms(t.consentId(), t.subject(), "InsurerMSP", t.items(), t.purpose(),
                            t.mode(), t.fetchType(), t.frequency(), t.maxUses(), t.dataRange(), t.dataLife(),
                            t.validFrom(), t.validUntil()));
                    return Scenario.sign(s.stamped(request("consent-insurer", List.of("employer"))),
                            s.net.bank.client);
                }),
                denial(ErrorCode.CONSENT_REVOKED, s -> {
                    s.revoke(CONSENT).assertCommitted();
                    return signedBy(s, s.net.bank.client);
                }),
                denial(ErrorCode.CONSENT_PAUSED, s -> {
                    s.net.submit(s.net.citizenApp, "Consents:pauseConsent",
                            Json.write(new ConsentStatusChange(CONSENT, "travelling"))).assertCommitted();
                    return signedBy(s, s.net.bank.client);
                }),
                denial(ErrorCode.CONSENT_NOT_YET_VALID, s -> {
                    ConsentTerms t = Scenario.periodicTerms("consent-later");
                    s.grantConsent(new ConsentTerms(t.consentId(), t.subject(), t.consumerMspId(), t.items(),
                            t.purpose(), t.mode(), t.fetchType(), t.frequency(), t.maxUses(), t.dataRange(),
                            t.dataLife(), s.net.now().plus(Duration.ofDays(1)).toString(), t.validUntil()));
                    return Scenario.sign(s.stamped(request("consent-later", List.of("employer"))), s.net.bank.client);
                }),
                denial(ErrorCode.CONSENT_EXPIRED, s -> {
                    s.net.advance(Duration.ofDays(91));
                    return signedBy(s, s.net.bank.client);
                }),
                denial(ErrorCode.DATASET_NOT_FOUND, s -> requestFor(s, new RequestedItem("unknown.dataset",
                        List.of("employer")))),
                denial(ErrorCode.DATASET_RETIRED, s -> {
                    s.net.submit(s.net.socialInsurance, "Catalogue:retireDataset", DATASET, "replaced")
                            .assertCommitted();
                    return signedBy(s, s.net.bank.client);
                }),
                denial(ErrorCode.FIELD_NOT_COVERED, s -> requestFor(s, new RequestedItem(DATASET,
                        List.of("employer", "medicalRecord")))),
                denial(ErrorCode.FIELD_NOT_COVERED, s -> requestFor(s, new RequestedItem(Scenario.VEHICLES,
                        List.of("plate")))),
                denial(ErrorCode.AGREEMENT_NOT_FOUND, s -> {
                    ConsentTerms t = Scenario.periodicTerms("consent-vehicles");
                    s.grantConsent(new ConsentTerms(t.consentId(), t.subject(), t.consumerMspId(),
                            List.of(new org.qcchain.chaincode.model.ConsentItem(Scenario.VEHICLES, List.of("plate"))),
                            t.purpose(), t.mode(), t.fetchType(), t.frequency(), t.maxUses(), t.dataRange(),
                            t.dataLife(), t.validFrom(), t.validUntil()));
                    return Scenario.sign(s.stamped(new AccessRequest("BankMSP", Scenario.SUBJECT, "consent-vehicles",
                            Scenario.PURPOSE, List.of(new RequestedItem(Scenario.VEHICLES, List.of("plate"))), null,
                            null, null)), s.net.bank.client);
                }),
                denial(ErrorCode.AGREEMENT_NOT_ACTIVE, s -> {
                    s.net.submit(s.net.socialInsurance, "Agreements:terminateAgreement", Scenario.AGREEMENT,
                            "contract ended").assertCommitted();
                    return signedBy(s, s.net.bank.client);
                }),
                denial(ErrorCode.AGREEMENT_EXPIRED, s -> {
                    narrowAgreement(s, new AgreementApproval("agr-short", null, null,
                            s.net.now().plus(Duration.ofDays(10)).toString(), null));
                    s.net.advance(Duration.ofDays(11));
                    return signedBy(s, s.net.bank.client);
                }),
                denial(ErrorCode.PURPOSE_NOT_ALLOWED, s -> {
                    narrowAgreement(s, new AgreementApproval("agr-monitoring", null, List.of("CREDIT_MONITORING"),
                            null, null));
                    return signedBy(s, s.net.bank.client);
                }),
                denial(ErrorCode.FIELD_NOT_COVERED, s -> {
                    narrowAgreement(s, new AgreementApproval("agr-employer", List.of("employer"), null, null, null));
                    return requestFor(s, new RequestedItem(DATASET, List.of("employer", "monthsPaid")));
                }),
                denial(ErrorCode.DATA_RANGE_NOT_COVERED, s -> {
                    AccessRequest r = request(CONSENT, List.of("employer"));
                    return Scenario.sign(s.stamped(new AccessRequest(r.consumerMspId(), r.subject(), r.consentId(),
                            r.purpose(), r.items(), new DataRange("2023-01-01T00:00:00Z", "2024-06-01T00:00:00Z"),
                            null, null)), s.net.bank.client);
                }),
                denial(ErrorCode.CONSENT_EXHAUSTED, s -> {
                    s.grantConsent(Scenario.terms("consent-once", FetchType.ONE_TIME, null, null));
                    AccessRecord first = s.bankRequests(request("consent-once", List.of("employer")));
                    assertThat(first.decision()).isEqualTo(Decision.GRANTED);
                    assertThat(first.usesRemaining()).isZero();
                    return Scenario.sign(s.stamped(request("consent-once", List.of("employer"))), s.net.bank.client);
                }),
                denial(ErrorCode.SUBJECT_ACCESS_NOT_ALLOWED, s -> {
                    AccessRequest r = s.stamped(request(CONSENT, List.of("employer")));
                    return Scenario.sign(new AccessRequest(r.consumerMspId(), r.subject(), r.consentId(),
                            "SUBJECT_ACCESS", r.items(), null, r.timestamp(), r.nonce()), s.net.bank.client);
                }),
                denial(ErrorCode.CONSENT_FREQUENCY_EXCEEDED, s -> {
                    assertThat(s.bankRequests().decision()).isEqualTo(Decision.GRANTED);
                    assertThat(s.bankRequests().decision()).isEqualTo(Decision.GRANTED);
                    return signedBy(s, s.net.bank.client);
                }));
    }

    @ParameterizedTest(name = "{0}: {index}")
    @MethodSource("cases")
    void a_denied_request_is_recorded_with_its_reason(ErrorCode reason, Case setup) {
        Scenario scenario = Scenario.ready(TestNetwork.started(CryptoSuite.P256_SHA256));
        SignedAccessRequest signed = setup.prepare(scenario);
        long usesBefore = uses(scenario);

        TestNetwork.Outcome outcome = scenario.submitRequest(scenario.net.bureau, signed).assertCommitted();

        AccessRecord record = outcome.as(AccessRecord.class);
        assertThat(record.decision()).isEqualTo(Decision.DENIED);
        assertThat(record.reasonCode()).as(record.reason()).isEqualTo(reason.code());
        assertThat(record.reason()).isNotBlank();
        assertThat(record.usesRemaining()).isNull();
        assertThat(uses(scenario)).isEqualTo(usesBefore);
        AccessRecord audited = scenario.net.evaluate(scenario.net.auditOffice, "Access:getAccessRecord",
                record.accessId()).as(AccessRecord.class);
        assertThat(audited).isEqualTo(record);
    }

    @org.junit.jupiter.api.Test
    void the_frequency_cap_opens_again_in_the_next_window() {
        Scenario scenario = Scenario.ready(TestNetwork.started(CryptoSuite.P256_SHA256));
        scenario.bankRequests();
        scenario.bankRequests();
        assertThat(scenario.bankRequests().reasonCode()).isEqualTo(ErrorCode.CONSENT_FREQUENCY_EXCEEDED.code());

        scenario.net.advance(Duration.ofDays(1));

        assertThat(scenario.bankRequests().decision()).isEqualTo(Decision.GRANTED);
    }

    @org.junit.jupiter.api.Test
    void a_revoked_consent_stays_revoked_and_cannot_be_resumed() {
        Scenario scenario = Scenario.ready(TestNetwork.started(CryptoSuite.P256_SHA256));
        assertThat(scenario.bankRequests().decision()).isEqualTo(Decision.GRANTED);
        scenario.revoke(CONSENT).assertCommitted();

        scenario.net.submit(scenario.net.citizenApp, "Consents:resumeConsent",
                Json.write(new ConsentStatusChange(CONSENT, null))).assertError(ErrorCode.INVALID_STATE_TRANSITION);
        assertThat(scenario.bankRequests().reasonCode()).isEqualTo(ErrorCode.CONSENT_REVOKED.code());
    }

    private static long uses(Scenario scenario) {
        return scenario.net.evaluate(scenario.net.auditOffice, "Consents:getConsent", CONSENT)
                .as(ConsentView.class).usage().uses();
    }

    private static Arguments denial(ErrorCode reason, Case setup) {
        return Arguments.of(reason, setup);
    }

    private static SignedAccessRequest signedBy(Scenario s, Identity signer) {
        return Scenario.sign(s.stamped(request(CONSENT, List.of("employer"))), signer);
    }

    private static SignedAccessRequest requestFor(Scenario s, RequestedItem item) {
        AccessRequest r = request(CONSENT, List.of("employer"));
        return Scenario.sign(s.stamped(new AccessRequest(r.consumerMspId(), r.subject(), r.consentId(), r.purpose(),
                List.of(item), null, null, null)), s.net.bank.client);
    }

    private static AccessRequest as(String consumer, AccessRequest r) {
        return new AccessRequest(consumer, r.subject(), r.consentId(), r.purpose(), r.items(), r.dataRange(),
                r.timestamp(), r.nonce());
    }

    /** A new agreement, approved narrower than asked, supersedes the scenario's one. */
    private static void narrowAgreement(Scenario s, AgreementApproval approval) {
        s.net.submit(s.net.bank, "Agreements:requestAgreement", Json.write(Scenario.proposal(approval.agreementId())))
                .assertCommitted();
        s.net.submit(s.net.socialInsurance, "Agreements:approveAgreement", Json.write(approval)).assertCommitted();
    }
}
