package org.qcchain.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qcchain.chaincode.Scenario.SUBJECT;

import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.Test;
import org.qcchain.chaincode.model.AccessRecord;
import org.qcchain.chaincode.model.ConsentView;
import org.qcchain.chaincode.model.Page;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.error.ErrorCode;

/**
 * The operator's own right to read trails and subjects' consents, which its node needs to relay
 * the queries of the callers it authenticated, without holding the AUDITOR role; the other roles'
 * rules are unchanged.
 */
class OperatorRelayReadTest {

    private final Scenario scenario = Scenario.ready(TestNetwork.started(CryptoSuite.P256_SHA256));

    @Test
    void the_operator_lists_every_trail_and_reads_each_record() {
        AccessRecord record = scenario.bankRequests();

        for (String query : new String[] {"{\"scope\":\"ALL\"}", "{\"scope\":\"CONSUMER\",\"party\":\"BankMSP\"}",
                "{\"scope\":\"PROVIDER\",\"party\":\"SocialInsuranceMSP\"}",
                "{\"scope\":\"SUBJECT\",\"party\":\"" + SUBJECT + "\"}"}) {
            Page<AccessRecord> page = scenario.net.evaluate(scenario.net.bureau, "Access:listAccessRecords", query)
                    .as(new TypeReference<Page<AccessRecord>>() {});
            assertThat(page.records()).as(query).extracting(AccessRecord::accessId).containsExactly(record.accessId());
        }
        scenario.net.evaluate(scenario.net.bureau, "Access:getAccessRecord", record.accessId()).assertOk();
    }

    @Test
    void the_operator_lists_a_subject_s_consents() {
        Page<ConsentView> page = scenario.net.evaluate(scenario.net.bureau, "Consents:listConsentsBySubject", SUBJECT,
                "{}").as(new TypeReference<Page<ConsentView>>() {});

        assertThat(page.records()).extracting(view -> view.consent().consentId()).containsExactly(Scenario.CONSENT);
    }

    @Test
    void consumers_and_providers_still_list_only_their_own_trail() {
        scenario.bankRequests();

        scenario.net.evaluate(scenario.net.socialInsurance, "Access:listAccessRecords", "{\"scope\":\"ALL\"}")
                .assertError(ErrorCode.NOT_AUTHORIZED);
        scenario.net.evaluate(scenario.net.insurer, "Access:listAccessRecords",
                "{\"scope\":\"SUBJECT\",\"party\":\"" + SUBJECT + "\"}").assertError(ErrorCode.NOT_AUTHORIZED);
        scenario.net.evaluate(scenario.net.bank, "Consents:listConsentsBySubject", SUBJECT, "{}")
                .assertError(ErrorCode.NOT_AUTHORIZED);
    }
}
