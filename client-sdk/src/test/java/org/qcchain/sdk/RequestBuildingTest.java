package org.qcchain.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.crypto.Pem;
import org.qcchain.common.json.Json;
import org.qcchain.sdk.examples.synthetic.SyntheticNetwork;

/** Consumers build and sign requests; identity providers build consents; bad input fails early. */
class RequestBuildingTest {

    private static final String SUBJECT = "0f".repeat(32);

    private static DataRequest.Builder request() {
        return DataRequest.builder().consumer("BankMSP").subject(SUBJECT).consent("consent-1").purpose("LOAN_UNDERWRITING")
                .item("provident.fund.accounts", "balance", "status");
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void a_signed_request_carries_a_signature_over_its_canonical_json(CryptoSuite suite) throws Exception {
        Identity bank = SyntheticNetwork.create(suite).member("BankMSP", "officer");
        DataRequest request = request().build();

        ObjectNode signed = request.sign(bank).toJson();

        byte[] signature = Base64.getDecoder().decode(signed.get("signature").asText());
        suite.verify(Pem.parseCertificate(signed.get("certificate").asText()).getPublicKey(),
                Json.canonicalBytes(signed.get("request")), signature);
        assertThat(request.sign(bank).requestHash()).isEqualTo(suite.hash(request.bytesToSign()));
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void a_signature_made_elsewhere_is_checked_when_joined(CryptoSuite suite) {
        Identity bank = SyntheticNetwork.create(suite).member("BankMSP", "officer");
        DataRequest request = request().build();
        byte[] hsm = bank.sign(request.bytesToSign());

        assertThat(SignedDataRequest.of(request, bank.certificatePem(), hsm).request()).isSameAs(request);
        assertThatThrownBy(() -> SignedDataRequest.of(request().build(), bank.certificatePem(), hsm))
                .hasMessageContaining("signature");
    }

    @Test
    void every_request_has_a_fresh_nonce() {
        assertThat(request().build().toJson().get("nonce")).isNotEqualTo(request().build().toJson().get("nonce"));
    }

    @Test
    void bad_request_input_is_refused_by_name() {
        assertThatThrownBy(() -> DataRequest.builder().subject("110105194912310021")).hasMessageContaining("subject")
                .hasMessageNotContaining("110105");
        assertThatThrownBy(() -> request().item("provident.fund.accounts", "x")).hasMessageContaining("twice");
        assertThatThrownBy(() -> request().item("loans", "x")).hasMessageContaining("datasetId");
        assertThatThrownBy(() -> DataRequest.builder().consumer("BankMSP").build()).hasMessageContaining("subject");
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void consent_terms_can_carry_the_subjects_signature(CryptoSuite suite) throws Exception {
        Identity subject = SyntheticNetwork.create(suite).member("CitizenAppMSP", SUBJECT);
        Instant now = Instant.parse("2026-03-02T09:00:00Z");
        ConsentTerms terms = new ConsentBuilder().consentId("consent-1").subject(SUBJECT).consumer("BankMSP")
                .purpose("LOAN_UNDERWRITING").item("provident.fund.accounts", "balance").oneTime().dataLife("DAY", 30)
                .valid(now, now.plus(Duration.ofDays(7))).build();

        ObjectNode grant = terms.signedBy(subject);

        assertThat(grant.at("/terms/fetchType").asText()).isEqualTo("ONE_TIME");
        suite.verify(subject.certificate().getPublicKey(), Json.canonicalBytes(grant.get("terms")),
                Base64.getDecoder().decode(grant.at("/subjectSignature/signature").asText()));
        assertThat(ConsentTerms.statusChange("consent-1", "moved").toString())
                .isEqualTo("{\"consentId\":\"consent-1\",\"reason\":\"moved\"}");
        assertThatThrownBy(() -> new ConsentBuilder().consentId("c1").build()).hasMessageContaining("subject");
    }
}
