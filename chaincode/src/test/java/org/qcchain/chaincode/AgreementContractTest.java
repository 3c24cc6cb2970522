package org.qcchain.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qcchain.chaincode.model.Agreement;
import org.qcchain.chaincode.model.AgreementApproval;
import org.qcchain.chaincode.model.AgreementProposal;
import org.qcchain.chaincode.model.AgreementStatus;
import org.qcchain.chaincode.model.Page;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;

class AgreementContractTest {
    private final Scenario s = new Scenario(TestNetwork.started(CryptoSuite.P256_SHA256)).registerDatasets();
    private final TestNetwork net = s.net;

    private Agreement request(String id) {
        return net.submit(net.bank, "Agreements:requestAgreement", Json.write(Scenario.proposal(id)))
                .assertCommitted().as(Agreement.class);
    }

    private TestNetwork.Outcome approve(Member who, AgreementApproval approval) {
        return net.submit(who, "Agreements:approveAgreement", Json.write(approval));
    }

    @Test
    void a_consumer_asks_and_the_provider_approves_narrower() {
        Agreement pending = request("a1");
        assertThat(pending.status()).isEqualTo(AgreementStatus.PENDING);
        assertThat(pending.providerMspId()).isEqualTo("SocialInsuranceMSP");

        Agreement approved = approve(net.socialInsurance, new AgreementApproval("a1", List.of("employer"),
                List.of(Scenario.PURPOSE), net.now().plus(Duration.ofDays(30)).toString(), "pilot"))
                .assertCommitted().as(Agreement.class);

        assertThat(approved.status()).isEqualTo(AgreementStatus.ACTIVE);
        assertThat(approved.fields()).containsExactly("employer");
        assertThat(approved.requestedFields()).containsExactly("employer", "monthlyBase", "monthsPaid");
        assertThat(approved.purposes()).containsExactly(Scenario.PURPOSE);
    }

    @Test
    void approval_may_not_widen_the_request() {
        request("a1");
        approve(net.socialInsurance, new AgreementApproval("a1", List.of("medicalRecord"), null, null, null))
                .assertError(ErrorCode.INVALID_ARGUMENT);
        approve(net.socialInsurance, new AgreementApproval("a1", null, List.of("MARKETING"), null, null))
                .assertError(ErrorCode.INVALID_ARGUMENT);
        approve(net.socialInsurance, new AgreementApproval("a1", null, null,
                net.now().plus(Duration.ofDays(900)).toString(), null)).assertError(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void only_the_datasets_provider_decides() {
        request("a1");
        approve(net.vehicleAdmin, new AgreementApproval("a1", null, null, null, null))
                .assertError(ErrorCode.NOT_AUTHORIZED);
        approve(net.bank, new AgreementApproval("a1", null, null, null, null)).assertError(ErrorCode.NOT_AUTHORIZED);
        net.submit(net.vehicleAdmin, "Agreements:rejectAgreement", "a1", "no").assertError(ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void a_rejected_agreement_cannot_be_approved_later() {
        request("a1");
        Agreement rejected = net.submit(net.socialInsurance, "Agreements:rejectAgreement", "a1", "purpose unclear")
                .assertCommitted().as(Agreement.class);
        assertThat(rejected.status()).isEqualTo(AgreementStatus.REJECTED);
        assertThat(rejected.note()).isEqualTo("purpose unclear");
        approve(net.socialInsurance, new AgreementApproval("a1", null, null, null, null))
                .assertError(ErrorCode.INVALID_STATE_TRANSITION);
    }

    @Test
    void either_party_terminates_but_nobody_else() {
        request("a1");
        approve(net.socialInsurance, new AgreementApproval("a1", null, null, null, null)).assertCommitted();
        net.submit(net.insurer, "Agreements:terminateAgreement", "a1", "x").assertError(ErrorCode.NOT_AUTHORIZED);
        Agreement ended = net.submit(net.bank, "Agreements:terminateAgreement", "a1", "loan repaid")
                .assertCommitted().as(Agreement.class);
        assertThat(ended.status()).isEqualTo(AgreementStatus.TERMINATED);
        net.submit(net.socialInsurance, "Agreements:terminateAgreement", "a1", "again")
                .assertError(ErrorCode.INVALID_STATE_TRANSITION);
    }

    @Test
    void approving_a_new_agreement_supersedes_the_one_in_force() {
        request("a1");
        approve(net.socialInsurance, new AgreementApproval("a1", null, null, null, null)).assertCommitted();
        request("a2");
        approve(net.socialInsurance, new AgreementApproval("a2", null, null, null, null)).assertCommitted();

        Agreement first = net.evaluate(net.bank, "Agreements:getAgreement", "a1").as(Agreement.class);
        assertThat(first.status()).isEqualTo(AgreementStatus.SUPERSEDED);
    }

    @Test
    void refuses_unknown_fields_duplicate_ids_and_backwards_periods() {
        request("a1");
        net.submit(net.bank, "Agreements:requestAgreement", Json.write(Scenario.proposal("a1")))
                .assertError(ErrorCode.AGREEMENT_EXISTS);
        AgreementProposal p = Scenario.proposal("a2");
        net.submit(net.bank, "Agreements:requestAgreement", Json.write(new AgreementProposal("a2", p.datasetId(),
                List.of("salary"), p.purposes(), p.validFrom(), p.validUntil()))).assertError(ErrorCode.INVALID_ARGUMENT);
        net.submit(net.bank, "Agreements:requestAgreement", Json.write(new AgreementProposal("a3", p.datasetId(),
                p.fields(), p.purposes(), p.validUntil(), p.validFrom()))).assertError(ErrorCode.INVALID_ARGUMENT);
        net.submit(net.bank, "Agreements:requestAgreement", Json.write(new AgreementProposal("a4", "no.such",
                p.fields(), p.purposes(), p.validFrom(), p.validUntil()))).assertError(ErrorCode.DATASET_NOT_FOUND);
        net.submit(net.socialInsurance, "Agreements:requestAgreement", Json.write(Scenario.proposal("a5")))
                .assertError(ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void parties_auditors_and_the_operator_read_an_agreement_others_do_not() {
        request("a1");
        for (Member reader : List.of(net.bank, net.socialInsurance, net.auditOffice, net.bureau)) {
            net.evaluate(reader, "Agreements:getAgreement", "a1").assertOk();
        }
        net.evaluate(net.insurer, "Agreements:getAgreement", "a1").assertError(ErrorCode.NOT_AUTHORIZED);
        net.evaluate(net.bank, "Agreements:getAgreement", "zz").assertError(ErrorCode.AGREEMENT_NOT_FOUND);
    }

    @Test
    void lists_agreements_by_consumer_and_by_provider() {
        request("a1");
        request("a2");
        Page<Agreement> byConsumer = net.evaluate(net.bank, "Agreements:listAgreementsByConsumer", "BankMSP", "")
                .as(new TypeReference<Page<Agreement>>() {});
        Page<Agreement> byProvider = net.evaluate(net.socialInsurance, "Agreements:listAgreementsByProvider",
                "SocialInsuranceMSP", "").as(new TypeReference<Page<Agreement>>() {});
        assertThat(byConsumer.records()).extracting(Agreement::agreementId).containsExactly("a1", "a2");
        assertThat(byProvider.records()).extracting(Agreement::agreementId).containsExactly("a1", "a2");
        net.evaluate(net.insurer, "Agreements:listAgreementsByConsumer", "BankMSP", "")
                .assertError(ErrorCode.NOT_AUTHORIZED);
    }
}
