package org.qcchain.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.qcchain.chaincode.model.AgreementProposal;
import org.qcchain.chaincode.model.ConsentGrant;
import org.qcchain.chaincode.model.ConsentTerms;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;

/**
 * {@code SUBJECT_ACCESS} is the purpose of a subject's access to their own records, decided without
 * consent or agreement: no consent and no agreement may name it, and a refusal writes nothing.
 */
class ReservedPurposeTest {

    private static final String RESERVED = "SUBJECT_ACCESS";

    private final Scenario s = new Scenario(TestNetwork.started(CryptoSuite.P256_SHA256)).registerDatasets();
    private final TestNetwork net = s.net;

    @Nested
    class Consents {

        private ConsentTerms terms(String consentId, String purpose) {
            ConsentTerms t = Scenario.periodicTerms(consentId);
            return new ConsentTerms(t.consentId(), t.subject(), t.consumerMspId(), t.items(), purpose, t.mode(),
                    t.fetchType(), t.frequency(), t.maxUses(), t.dataRange(), t.dataLife(), t.validFrom(),
                    t.validUntil());
        }

        private TestNetwork.Outcome grant(ConsentTerms terms) {
            return net.submit(net.citizenApp, "Consents:grantConsent", Json.write(new ConsentGrant(terms, null)));
        }

        @Test
        void a_consent_for_subject_access_is_refused_and_nothing_is_written() {
            String message = grant(terms("c-self", RESERVED)).assertError(ErrorCode.INVALID_ARGUMENT).message();

            assertThat(message).contains("terms.purpose").contains(RESERVED);
            net.evaluate(net.citizenApp, "Consents:getConsent", "c-self").assertError(ErrorCode.CONSENT_NOT_FOUND);
        }

        @Test
        void a_consent_for_another_purpose_is_still_recorded() {
            grant(terms("c-loan", Scenario.PURPOSE)).assertCommitted();
        }
    }

    @Nested
    class Agreements {

        private TestNetwork.Outcome request(String agreementId, List<String> purposes) {
            AgreementProposal p = Scenario.proposal(agreementId);
            return net.submit(net.bank, "Agreements:requestAgreement", Json.write(new AgreementProposal(
                    p.agreementId(), p.datasetId(), p.fields(), purposes, p.validFrom(), p.validUntil())));
        }

        @Test
        void an_agreement_naming_subject_access_among_its_purposes_is_refused_and_nothing_is_written() {
            String message = request("a-self", List.of(Scenario.PURPOSE, RESERVED))
                    .assertError(ErrorCode.INVALID_ARGUMENT).message();

            assertThat(message).contains("purposes").contains(RESERVED);
            net.evaluate(net.bank, "Agreements:getAgreement", "a-self").assertError(ErrorCode.AGREEMENT_NOT_FOUND);
        }

        @Test
        void an_agreement_for_other_purposes_is_still_requested() {
            request("a-loan", List.of(Scenario.PURPOSE)).assertCommitted();
        }
    }
}
