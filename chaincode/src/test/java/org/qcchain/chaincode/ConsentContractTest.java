package org.qcchain.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.chaincode.model.Consent;
import org.qcchain.chaincode.model.ConsentGrant;
import org.qcchain.chaincode.model.ConsentItem;
import org.qcchain.chaincode.model.ConsentStatus;
import org.qcchain.chaincode.model.ConsentStatusChange;
import org.qcchain.chaincode.model.ConsentTerms;
import org.qcchain.chaincode.model.ConsentView;
import org.qcchain.chaincode.model.FetchType;
import org.qcchain.chaincode.model.Page;
import org.qcchain.chaincode.model.Period;
import org.qcchain.chaincode.model.PeriodUnit;
import org.qcchain.chaincode.model.SubjectSignature;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;

class ConsentContractTest {

    private static Scenario scenario(CryptoSuite suite) {
        return new Scenario(TestNetwork.started(suite)).registerDatasets();
    }

    private static SubjectSignature signedBySubject(ConsentTerms terms, Identity subject) {
        return new SubjectSignature(subject.certificatePem(),
                Base64.getEncoder().encodeToString(subject.sign(Json.canonicalBytes(terms))));
    }

    private static TestNetwork.Outcome grant(Scenario s, ConsentTerms terms, SubjectSignature signature) {
        return s.net.submit(s.net.citizenApp, "Consents:grantConsent", Json.write(new ConsentGrant(terms, signature)));
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void records_a_consent_signed_by_its_subject(CryptoSuite suite) {
        Scenario s = scenario(suite);
        ConsentTerms terms = Scenario.periodicTerms("c1");
        Identity subject = s.net.citizenApp.issue(Scenario.SUBJECT, Member.CA_START, Member.CA_VALIDITY);

        Consent consent = grant(s, terms, signedBySubject(terms, subject)).assertCommitted().as(Consent.class);

        assertThat(consent.status()).isEqualTo(ConsentStatus.ACTIVE);
        assertThat(consent.identityProviderMspId()).isEqualTo("CitizenAppMSP");
        assertThat(consent.terms()).isEqualTo(terms);
    }

    @Test
    void refuses_a_subject_signature_over_other_terms() {
        Scenario s = scenario(CryptoSuite.P256_SHA256);
        Identity subject = s.net.citizenApp.issue(Scenario.SUBJECT, Member.CA_START, Member.CA_VALIDITY);
        SubjectSignature forOther = signedBySubject(Scenario.periodicTerms("c-other"), subject);
        grant(s, Scenario.periodicTerms("c1"), forOther).assertError(ErrorCode.BAD_SIGNATURE);
    }

    @Test
    void refuses_a_subject_certificate_issued_to_another_pseudonym() {
        Scenario s = scenario(CryptoSuite.P256_SHA256);
        ConsentTerms terms = Scenario.periodicTerms("c1");
        Identity someoneElse = s.net.citizenApp.issue(Scenario.OTHER_SUBJECT, Member.CA_START, Member.CA_VALIDITY);
        grant(s, terms, signedBySubject(terms, someoneElse)).assertError(ErrorCode.BAD_SIGNATURE);
    }

    @Test
    void refuses_a_subject_certificate_from_outside_the_identity_provider() {
        Scenario s = scenario(CryptoSuite.P256_SHA256);
        ConsentTerms terms = Scenario.periodicTerms("c1");
        Identity foreign = s.net.bank.issue(Scenario.SUBJECT, Member.CA_START, Member.CA_VALIDITY);
        grant(s, terms, signedBySubject(terms, foreign)).assertError(ErrorCode.CERTIFICATE_UNTRUSTED);
    }

    @Test
    void only_identity_providers_record_consents() {
        Scenario s = scenario(CryptoSuite.P256_SHA256);
        s.net.submit(s.net.bank, "Consents:grantConsent", Json.write(new ConsentGrant(Scenario.periodicTerms("c1"), null)))
                .assertError(ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void refuses_incoherent_terms() {
        Scenario s = scenario(CryptoSuite.P256_SHA256);
        ConsentTerms t = Scenario.periodicTerms("c1");
        List<ConsentTerms> bad = List.of(
                // periodic without frequency
                new ConsentTerms("c1", t.subject(), t.consumerMspId(), t.items(), t.purpose(), t.mode(),
                        FetchType.PERIODIC, null, null, t.dataRange(), t.dataLife(), t.validFrom(), t.validUntil()),
                // one-time with several uses
                new ConsentTerms("c1", t.subject(), t.consumerMspId(), t.items(), t.purpose(), t.mode(),
                        FetchType.ONE_TIME, null, 3L, t.dataRange(), t.dataLife(), t.validFrom(), t.validUntil()),
                // a frequency of INF
                new ConsentTerms("c1", t.subject(), t.consumerMspId(), t.items(), t.purpose(), t.mode(),
                        FetchType.PERIODIC, new Period(PeriodUnit.INF, 1), null, t.dataRange(), t.dataLife(),
                        t.validFrom(), t.validUntil()),
                // a consumer that is not one
                new ConsentTerms("c1", t.subject(), "CitizenAppMSP", t.items(), t.purpose(), t.mode(),
                        t.fetchType(), t.frequency(), t.maxUses(), t.dataRange(), t.dataLife(), t.validFrom(),
                        t.validUntil()),
                // a field the dataset does not have
                new ConsentTerms("c1", t.subject(), t.consumerMspId(),
                        List.of(new ConsentItem(Scenario.DATASET, List.of("salary"))), t.purpose(), t.mode(),
                        t.fetchType(), t.frequency(), t.maxUses(), t.dataRange(), t.dataLife(), t.validFrom(),
                        t.validUntil()),
                // expiry before start
                new ConsentTerms("c1", t.subject(), t.consumerMspId(), t.items(), t.purpose(), t.mode(),
                        t.fetchType(), t.frequency(), t.maxUses(), t.dataRange(), t.dataLife(), t.validUntil(),
                        t.validFrom()),
                // an identifier in clear instead of a pseudonym
                new ConsentTerms("c1", "370102199001011234", t.consumerMspId(), t.items(), t.purpose(), t.mode(),
                        t.fetchType(), t.frequency(), t.maxUses(), t.dataRange(), t.dataLife(), t.validFrom(),
                        t.validUntil()));
        for (ConsentTerms terms : bad) {
            grant(s, terms, null).assertError(ErrorCode.INVALID_ARGUMENT);
        }
        grant(s, Scenario.periodicTerms("c1"), null).assertCommitted();
        grant(s, Scenario.periodicTerms("c1"), null).assertError(ErrorCode.CONSENT_EXISTS);
    }

    @Test
    void the_subject_pauses_resumes_and_revokes_through_its_identity_provider() {
        Scenario s = scenario(CryptoSuite.P256_SHA256).grantConsent();
        String change = Json.write(new ConsentStatusChange(Scenario.CONSENT, "holiday"));

        assertThat(s.net.submit(s.net.citizenApp, "Consents:pauseConsent", change).assertCommitted()
                .as(Consent.class).status()).isEqualTo(ConsentStatus.PAUSED);
        s.net.submit(s.net.citizenApp, "Consents:pauseConsent", change).assertError(ErrorCode.INVALID_STATE_TRANSITION);
        assertThat(s.net.submit(s.net.citizenApp, "Consents:resumeConsent", change).assertCommitted()
                .as(Consent.class).status()).isEqualTo(ConsentStatus.ACTIVE);
        assertThat(s.revoke(Scenario.CONSENT).assertCommitted().as(Consent.class).status())
                .isEqualTo(ConsentStatus.REVOKED);
        s.revoke(Scenario.CONSENT).assertError(ErrorCode.INVALID_STATE_TRANSITION);
    }

    @Test
    void only_the_recording_identity_provider_changes_a_consent() {
        Scenario s = scenario(CryptoSuite.P256_SHA256).grantConsent();
        Member otherApp = new Member("OtherAppMSP", CryptoSuite.P256_SHA256,
                org.qcchain.chaincode.model.Role.IDENTITY_PROVIDER);
        s.net.submit(s.net.bureau, "Organisations:registerOrganisation", Json.write(otherApp.registration()))
                .assertCommitted();
        s.net.submit(otherApp, "Consents:revokeConsent", Json.write(new ConsentStatusChange(Scenario.CONSENT, null)))
                .assertError(ErrorCode.NOT_AUTHORIZED);
        s.net.submit(s.net.bank, "Consents:revokeConsent", Json.write(new ConsentStatusChange(Scenario.CONSENT, null)))
                .assertError(ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void reads_are_limited_to_the_identity_provider_the_consumer_and_auditors() {
        Scenario s = scenario(CryptoSuite.P256_SHA256).grantConsent();
        for (Member reader : List.of(s.net.citizenApp, s.net.bank, s.net.auditOffice)) {
            ConsentView view = s.net.evaluate(reader, "Consents:getConsent", Scenario.CONSENT).as(ConsentView.class);
            assertThat(view.inForce()).isTrue();
            assertThat(view.usage().uses()).isZero();
        }
        s.net.evaluate(s.net.insurer, "Consents:getConsent", Scenario.CONSENT).assertError(ErrorCode.NOT_AUTHORIZED);
        s.net.evaluate(s.net.socialInsurance, "Consents:getConsent", Scenario.CONSENT)
                .assertError(ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void lists_a_subjects_consents() {
        Scenario s = scenario(CryptoSuite.P256_SHA256).grantConsent();
        s.grantConsent(Scenario.terms("c-once", FetchType.ONE_TIME, null, null));

        Page<ConsentView> page = s.net.evaluate(s.net.citizenApp, "Consents:listConsentsBySubject", Scenario.SUBJECT,
                "").as(new TypeReference<Page<ConsentView>>() {});
        assertThat(page.records()).extracting(v -> v.consent().consentId()).containsExactly("c-once", "consent-0001");
        Page<ConsentView> none = s.net.evaluate(s.net.auditOffice, "Consents:listConsentsBySubject",
                Scenario.OTHER_SUBJECT, "").as(new TypeReference<Page<ConsentView>>() {});
        assertThat(none.records()).isEmpty();
        s.net.evaluate(s.net.bank, "Consents:listConsentsBySubject", Scenario.SUBJECT, "")
                .assertError(ErrorCode.NOT_AUTHORIZED);
    }
}
