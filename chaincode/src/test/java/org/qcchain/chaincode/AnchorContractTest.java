package org.qcchain.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.chaincode.model.Anchor;
import org.qcchain.chaincode.model.AnchorStatement;
import org.qcchain.chaincode.model.AnchorSubmission;
import org.qcchain.chaincode.model.Page;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;

class AnchorContractTest {

    private static AnchorStatement statement(CryptoSuite suite, String batchId) {
        return new AnchorStatement(Scenario.DATASET, batchId, suite.hashHex(batchId.getBytes()), 1000, suite.name());
    }

    private static AnchorSubmission signed(AnchorStatement statement, Identity signer) {
        return new AnchorSubmission(statement, signer.certificatePem(),
                Base64.getEncoder().encodeToString(signer.sign(Json.canonicalBytes(statement))));
    }

    private static Scenario withDatasets(CryptoSuite suite) {
        return new Scenario(TestNetwork.started(suite)).registerDatasets();
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void the_source_anchors_a_signed_batch_root(CryptoSuite suite) {
        Scenario s = withDatasets(suite);
        AnchorStatement statement = statement(suite, "2026-03-batch-0001");

        TestNetwork.Outcome outcome = s.net.submit(s.net.socialInsurance, "Anchors:anchorBatch",
                Json.write(signed(statement, s.net.socialInsurance.client))).assertCommitted();

        Anchor anchor = outcome.as(Anchor.class);
        assertThat(anchor.statement()).isEqualTo(statement);
        assertThat(anchor.txId()).isEqualTo(outcome.txId());
        Anchor read = s.net.evaluate(s.net.bank, "Anchors:getAnchor", Scenario.DATASET, "2026-03-batch-0001")
                .as(Anchor.class);
        assertThat(read).isEqualTo(anchor);
        assertThat(anchor.providerMspId()).isEqualTo("SocialInsuranceMSP");
        assertThat(anchor.relayedBy()).isNull();
        assertThat(outcome.payload()).doesNotContain("relayedBy");
        assertThat(s.net.ledger.events()).last().extracting(e -> e.name()).isEqualTo("BatchAnchored");
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void an_operator_relays_a_statement_the_source_signed(CryptoSuite suite) {
        Scenario s = withDatasets(suite);
        AnchorStatement statement = statement(suite, "2026-03-batch-0002");

        TestNetwork.Outcome outcome = s.net.submit(s.net.bureau, "Anchors:anchorBatch",
                Json.write(signed(statement, s.net.socialInsurance.client))).assertCommitted();

        Anchor anchor = outcome.as(Anchor.class);
        assertThat(anchor.statement()).isEqualTo(statement);
        assertThat(anchor.providerMspId()).isEqualTo("SocialInsuranceMSP");
        assertThat(anchor.relayedBy()).isEqualTo("BureauMSP");
        assertThat(anchor.signerCertificate()).isEqualTo(s.net.socialInsurance.client.certificatePem());
        assertThat(s.net.evaluate(s.net.auditOffice, "Anchors:getAnchor", Scenario.DATASET, "2026-03-batch-0002")
                .as(Anchor.class)).isEqualTo(anchor);
    }

    @Test
    void an_operator_cannot_relay_a_statement_signed_by_another_organisation() {
        Scenario s = withDatasets(CryptoSuite.P256_SHA256);
        AnchorStatement statement = statement(CryptoSuite.P256_SHA256, "b1");
        s.net.submit(s.net.bureau, "Anchors:anchorBatch", Json.write(signed(statement, s.net.vehicleAdmin.client)))
                .assertError(ErrorCode.CERTIFICATE_UNTRUSTED);
        s.net.submit(s.net.bureau, "Anchors:anchorBatch", Json.write(signed(statement, s.net.bureau.client)))
                .assertError(ErrorCode.CERTIFICATE_UNTRUSTED);
        s.net.evaluate(s.net.bureau, "Anchors:getAnchor", Scenario.DATASET, "b1")
                .assertError(ErrorCode.ANCHOR_NOT_FOUND);
    }

    @Test
    void an_operator_cannot_relay_a_statement_the_source_did_not_sign() {
        Scenario s = withDatasets(CryptoSuite.P256_SHA256);
        AnchorSubmission genuine = signed(statement(CryptoSuite.P256_SHA256, "b1"), s.net.socialInsurance.client);
        AnchorStatement altered = new AnchorStatement(Scenario.DATASET, "b1", "ab".repeat(32), 1000,
                "P256_SHA256");
        s.net.submit(s.net.bureau, "Anchors:anchorBatch",
                Json.write(new AnchorSubmission(altered, genuine.certificate(), genuine.signature())))
                .assertError(ErrorCode.BAD_SIGNATURE);
    }

    @Test
    void a_consumer_or_another_provider_cannot_relay_the_sources_statement() {
        Scenario s = withDatasets(CryptoSuite.P256_SHA256);
        String json = Json.write(signed(statement(CryptoSuite.P256_SHA256, "b1"), s.net.socialInsurance.client));
        s.net.submit(s.net.bank, "Anchors:anchorBatch", json).assertError(ErrorCode.NOT_AUTHORIZED);
        s.net.submit(s.net.vehicleAdmin, "Anchors:anchorBatch", json).assertError(ErrorCode.NOT_AUTHORIZED);
        s.net.submit(s.net.auditOffice, "Anchors:anchorBatch", json).assertError(ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void a_relayed_batch_is_anchored_once_whoever_submits_it_again() {
        Scenario s = withDatasets(CryptoSuite.P256_SHA256);
        String json = Json.write(signed(statement(CryptoSuite.P256_SHA256, "b1"), s.net.socialInsurance.client));
        s.net.submit(s.net.bureau, "Anchors:anchorBatch", json).assertCommitted();
        s.net.submit(s.net.bureau, "Anchors:anchorBatch", json).assertError(ErrorCode.ANCHOR_EXISTS);
        s.net.submit(s.net.socialInsurance, "Anchors:anchorBatch", json).assertError(ErrorCode.ANCHOR_EXISTS);
    }

    @Test
    void refuses_a_signature_over_another_root() {
        Scenario s = withDatasets(CryptoSuite.P256_SHA256);
        AnchorSubmission genuine = signed(statement(CryptoSuite.P256_SHA256, "b1"), s.net.socialInsurance.client);
        AnchorStatement other = statement(CryptoSuite.P256_SHA256, "b2");
        AnchorSubmission forged = new AnchorSubmission(new AnchorStatement(other.datasetId(), "b1",
                other.merkleRoot(), 1000, other.hashSuite()), genuine.certificate(), genuine.signature());
        s.net.submit(s.net.socialInsurance, "Anchors:anchorBatch", Json.write(forged))
                .assertError(ErrorCode.BAD_SIGNATURE);
    }

    @Test
    void refuses_a_signer_certificate_from_another_organisations_ca() {
        Scenario s = withDatasets(CryptoSuite.P256_SHA256);
        s.net.submit(s.net.socialInsurance, "Anchors:anchorBatch",
                Json.write(signed(statement(CryptoSuite.P256_SHA256, "b1"), s.net.vehicleAdmin.client)))
                .assertError(ErrorCode.CERTIFICATE_UNTRUSTED);
    }

    @Test
    void refuses_an_expired_signer_certificate() {
        Scenario s = withDatasets(CryptoSuite.P256_SHA256);
        Identity expired = s.net.socialInsurance.issue("old-signer", Member.CA_START, Duration.ofDays(10));
        s.net.submit(s.net.socialInsurance, "Anchors:anchorBatch",
                Json.write(signed(statement(CryptoSuite.P256_SHA256, "b1"), expired)))
                .assertError(ErrorCode.CERTIFICATE_EXPIRED);
    }

    @Test
    void only_the_datasets_source_anchors_it() {
        Scenario s = withDatasets(CryptoSuite.P256_SHA256);
        s.net.submit(s.net.vehicleAdmin, "Anchors:anchorBatch",
                Json.write(signed(statement(CryptoSuite.P256_SHA256, "b1"), s.net.vehicleAdmin.client)))
                .assertError(ErrorCode.NOT_AUTHORIZED);
        s.net.submit(s.net.bank, "Anchors:anchorBatch",
                Json.write(signed(statement(CryptoSuite.P256_SHA256, "b1"), s.net.bank.client)))
                .assertError(ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void a_batch_is_anchored_once() {
        Scenario s = withDatasets(CryptoSuite.P256_SHA256);
        String json = Json.write(signed(statement(CryptoSuite.P256_SHA256, "b1"), s.net.socialInsurance.client));
        s.net.submit(s.net.socialInsurance, "Anchors:anchorBatch", json).assertCommitted();
        s.net.submit(s.net.socialInsurance, "Anchors:anchorBatch", json).assertError(ErrorCode.ANCHOR_EXISTS);
    }

    @Test
    void refuses_a_hash_suite_other_than_the_signers() {
        Scenario s = withDatasets(CryptoSuite.P256_SHA256);
        AnchorStatement sm3 = statement(CryptoSuite.SM2_SM3, "b1");
        s.net.submit(s.net.socialInsurance, "Anchors:anchorBatch", Json.write(signed(sm3, s.net.socialInsurance.client)))
                .assertError(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void refuses_malformed_roots_and_counts() {
        Scenario s = withDatasets(CryptoSuite.P256_SHA256);
        for (AnchorStatement bad : new AnchorStatement[] {
            new AnchorStatement(Scenario.DATASET, "b1", "XYZ", 10, "P256_SHA256"),
            new AnchorStatement(Scenario.DATASET, "b1", "ab".repeat(32), 0, "P256_SHA256"),
            new AnchorStatement(Scenario.DATASET, "b1", "ab".repeat(32), 10, "MD5")}) {
            s.net.submit(s.net.socialInsurance, "Anchors:anchorBatch", Json.write(signed(bad, s.net.socialInsurance.client)))
                    .assertError(ErrorCode.INVALID_ARGUMENT);
        }
    }

    @Test
    void a_batch_that_retires_records_says_so_in_what_the_provider_signs() {
        Scenario s = withDatasets(CryptoSuite.P256_SHA256);
        AnchorStatement records = statement(CryptoSuite.P256_SHA256, "b1");
        AnchorStatement retiring = new AnchorStatement(Scenario.DATASET, "b2", "cd".repeat(32), 3, "P256_SHA256", true);

        s.net.submit(s.net.socialInsurance, "Anchors:anchorBatch", Json.write(signed(records, s.net.socialInsurance.client)))
                .assertCommitted();
        String recordsEvent = lastEventPayload(s);
        TestNetwork.Outcome outcome = s.net.submit(s.net.socialInsurance, "Anchors:anchorBatch",
                Json.write(signed(retiring, s.net.socialInsurance.client))).assertCommitted();

        assertThat(outcome.payload()).contains("\"retiring\":true");
        Page<Anchor> page = s.net.evaluate(s.net.auditOffice, "Anchors:listAnchors", Scenario.DATASET, "")
                .as(new TypeReference<Page<Anchor>>() {});
        assertThat(page.records()).extracting(a -> a.statement().retires()).containsExactly(false, true);
        assertThat(Json.write(page.records().get(0))).doesNotContain("retiring");
        assertThat(recordsEvent).doesNotContain("retiring");
        assertThat(lastEventPayload(s)).contains("\"retiring\":true").contains("\"batchId\":\"b2\"");
    }

    @Test
    void refuses_a_statement_that_says_it_does_not_retire() {
        Scenario s = withDatasets(CryptoSuite.P256_SHA256);
        AnchorStatement notRetiring = new AnchorStatement(Scenario.DATASET, "b1", "ab".repeat(32), 10, "P256_SHA256",
                false);
        s.net.submit(s.net.socialInsurance, "Anchors:anchorBatch",
                Json.write(signed(notRetiring, s.net.socialInsurance.client))).assertError(ErrorCode.INVALID_ARGUMENT);
        String wrongType = Json.write(signed(statement(CryptoSuite.P256_SHA256, "b1"), s.net.socialInsurance.client))
                .replace("\"hashSuite\"", "\"retiring\":\"yes\",\"hashSuite\"");
        s.net.submit(s.net.socialInsurance, "Anchors:anchorBatch", wrongType).assertError(ErrorCode.INVALID_ARGUMENT);
        assertThat(s.net.evaluate(s.net.auditOffice, "Anchors:listAnchors", Scenario.DATASET, "")
                .as(new TypeReference<Page<Anchor>>() {}).records()).isEmpty();
    }

    private static String lastEventPayload(Scenario s) {
        var events = s.net.ledger.events();
        return new String(events.get(events.size() - 1).payload(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void lists_the_anchors_of_a_dataset_in_batch_order() {
        Scenario s = withDatasets(CryptoSuite.P256_SHA256);
        for (String batch : new String[] {"b3", "b1", "b2"}) {
            s.net.submit(s.net.socialInsurance, "Anchors:anchorBatch",
                    Json.write(signed(statement(CryptoSuite.P256_SHA256, batch), s.net.socialInsurance.client)))
                    .assertCommitted();
        }
        Page<Anchor> page = s.net.evaluate(s.net.auditOffice, "Anchors:listAnchors", Scenario.DATASET, "")
                .as(new TypeReference<Page<Anchor>>() {});
        assertThat(page.records()).extracting(a -> a.statement().batchId()).containsExactly("b1", "b2", "b3");
        Page<Anchor> other = s.net.evaluate(s.net.auditOffice, "Anchors:listAnchors", Scenario.VEHICLES, "")
                .as(new TypeReference<Page<Anchor>>() {});
        assertThat(other.records()).isEmpty();
    }
}
