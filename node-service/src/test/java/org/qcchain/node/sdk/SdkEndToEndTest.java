package org.qcchain.node.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.node.demo.DemoCatalogue;
import org.qcchain.node.demo.DemoOrganisation;
import org.qcchain.node.demo.DemoPki;
import org.qcchain.node.demo.DemoService;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.sdk.DataRequest;
import org.qcchain.sdk.QcchainApiException;
import org.qcchain.sdk.QcchainClient;
import org.qcchain.sdk.SignedDataRequest;
import org.qcchain.sdk.verify.VerifiedAnswer;

/**
 * The SDK against a real node: a demo folder made, closed and opened again as {@code qcchain
 * start} opens it (a restart), a node on a loopback port, and the bank's {@link QcchainClient}
 * with trust anchors read from the folder's CA certificates. If the SDK's routes or parsing drift
 * from what the node serves, this fails.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SdkEndToEndTest {

    static final DemoService LOAN = DemoService.all().get(0);

    @TempDir
    static Path folder;
    static RestartedDemoNode node;

    @BeforeAll
    static void restartedNode() throws Exception {
        node = RestartedDemoNode.start(folder);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void the_bank_gets_a_verified_answer_from_a_restarted_node() throws Exception {
        VerifiedAnswer answer = client(DemoOrganisation.BANK).requestData(loanRequest(node.citizen0));

        assertThat(answer.consumerMspId()).isEqualTo(DemoOrganisation.BANK);
        assertThat(answer.subject()).isEqualTo(node.citizen0);
        assertThat(answer.accessId()).hasSize(64);
        assertThat(answer.records().keySet()).containsExactly(
                DemoCatalogue.PROVIDENT_FUND, DemoCatalogue.REAL_ESTATE, DemoCatalogue.SOCIAL_INSURANCE);
        assertThat(answer.records(DemoCatalogue.SOCIAL_INSURANCE)).isNotEmpty();
    }

    @Test
    void the_health_insurer_gets_visits_read_live_from_the_hospital_s_database_by_a_restarted_node()
            throws Exception {
        DemoService health = DemoService.all().get(2);
        DataRequest.Builder request = DataRequest.builder().consumer(DemoOrganisation.HEALTH_INSURER)
                .subject(node.citizen1).consent(health.consentId(1)).purpose(health.purpose());
        health.items().forEach(item -> request.item(item.datasetId(), item.fields().toArray(String[]::new)));

        VerifiedAnswer answer = client(DemoOrganisation.HEALTH_INSURER).requestData(
                request.build().sign(identity(DemoOrganisation.HEALTH_INSURER).identity()));

        assertThat(answer.records(DemoCatalogue.HOSPITAL)).isNotEmpty();
    }

    @Test
    void a_denied_request_raises_the_reason_code_and_the_access_id() throws Exception {
        DataRequest.Builder request = DataRequest.builder().consumer(DemoOrganisation.BANK).subject(node.citizen1)
                .consent(LOAN.consentId(1)).purpose(LOAN.purpose())
                .item(DemoCatalogue.SOCIAL_INSURANCE, "employer", "baseSalary");
        QcchainClient bank = client(DemoOrganisation.BANK);

        QcchainApiException denied = catchThrowableOfType(QcchainApiException.class,
                () -> bank.requestData(request.build().sign(identity(DemoOrganisation.BANK).identity())));

        assertThat(denied.getErrorCode()).isEqualTo(ErrorCode.FIELD_NOT_COVERED);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.accessId()).hasValueSatisfying(id -> assertThat(id).hasSize(64));
    }

    @Test
    void an_identity_provider_cannot_record_a_consent_through_another_organisation_s_node() throws Exception {
        QcchainClient app = client(DemoOrganisation.CITIZEN_APP);

        QcchainApiException refused = catchThrowableOfType(QcchainApiException.class,
                () -> app.revokeConsent(LOAN.consentId(2), "the citizen withdrew"));

        assertThat(refused.getErrorCode()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(refused.detail()).contains("submits as " + DemoOrganisation.BUREAU);
    }

    private static SignedDataRequest loanRequest(String subject) {
        DataRequest.Builder request = DataRequest.builder().consumer(DemoOrganisation.BANK).subject(subject)
                .consent(LOAN.consentId(0)).purpose(LOAN.purpose());
        LOAN.items().forEach(item -> request.item(item.datasetId(), item.fields().toArray(String[]::new)));
        return request.build().sign(identity(DemoOrganisation.BANK).identity());
    }

    static QcchainClient client(String mspId) throws IOException {
        return QcchainClient.builder().endpoint(URI.create("http://127.0.0.1:" + node.port()))
                .identity(mspId, identity(mspId).identity()).trustAnchors(PublishedTrustAnchors.of(folder))
                .build();
    }

    static LedgerIdentity identity(String mspId) {
        return DemoPki.readClient(folder, mspId);
    }
}
