package org.qcchain.sdk.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.common.command.CommandEnvelope;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.crypto.Pem;
import org.qcchain.common.json.Json;
import org.qcchain.sdk.examples.synthetic.SyntheticNetwork;

/** Organisations build commands for their writes, sign them here or in an HSM, and bad input fails early. */
class SignedCommandTest {

    static final Instant AT = Instant.parse("2026-03-02T09:00:00.123456Z");

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void the_body_is_an_envelope_whose_signature_covers_the_command_s_canonical_json(CryptoSuite suite)
            throws Exception {
        Identity app = SyntheticNetwork.create(suite).member("CitizenAppMSP", "officer");
        UnsignedCommand command = Commands.revokeConsent("CitizenAppMSP", "consent-7781", "withdrawn")
                .clock(Clock.fixed(AT, ZoneOffset.UTC)).build();

        JsonNode body = command.sign(app).toJson();

        CommandEnvelope envelope = Json.mapper().treeToValue(body, CommandEnvelope.class);
        assertThat(envelope.command().signingBytes()).isEqualTo(command.bytesToSign());
        suite.verify(Pem.parseCertificate(envelope.certificate()).getPublicKey(), command.bytesToSign(),
                Base64.getDecoder().decode(envelope.signature()));
        assertThat(envelope.command().function()).isEqualTo("Consents:revokeConsent");
        assertThat(envelope.command().args())
                .containsExactly("{\"consentId\":\"consent-7781\",\"reason\":\"withdrawn\"}");
        assertThat(envelope.command().mspId()).isEqualTo("CitizenAppMSP");
        assertThat(envelope.command().issuedAt()).isEqualTo("2026-03-02T09:00:00.123Z");
        assertThat(envelope.command().nonce()).hasSize(32);
        assertThat(command.digest(suite)).isEqualTo(suite.hash(command.bytesToSign()));
    }

    @Test
    void a_signature_made_elsewhere_is_checked_when_joined() {
        Identity bank = SyntheticNetwork.create(CryptoSuite.P256_SHA256).member("BankMSP", "officer");
        UnsignedCommand command = Commands.terminateAgreement("BankMSP", "agr-7", "done").build();
        byte[] hsm = bank.sign(command.bytesToSign());

        assertThat(SignedCommand.of(command, bank.certificatePem(), hsm).command()).isSameAs(command);
        UnsignedCommand other = Commands.terminateAgreement("BankMSP", "agr-7", "done").build();
        assertThatThrownBy(() -> SignedCommand.of(other, bank.certificatePem(), hsm))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signature");
    }

    @Test
    void every_command_has_a_fresh_nonce() {
        assertThat(Commands.pauseConsent("CitizenAppMSP", "c-1", null).build().nonce())
                .isNotEqualTo(Commands.pauseConsent("CitizenAppMSP", "c-1", null).build().nonce());
    }

    @Test
    void agreement_commands_carry_the_contract_s_arguments() {
        UnsignedCommand ask = Commands.requestAgreement("BankMSP", "agr-7", "social.insurance.contributions",
                List.of("employer"), List.of("LOAN_UNDERWRITING"), AT, AT.plusSeconds(3600)).build();
        UnsignedCommand approve = Commands.approveAgreement("SocialInsuranceMSP", "agr-7", "ok").build();
        UnsignedCommand reject = Commands.rejectAgreement("SocialInsuranceMSP", "agr-7", "too broad").build();

        assertThat(Json.tree(ask.args().get(0)).path("fields").get(0).asText()).isEqualTo("employer");
        assertThat(Json.tree(ask.args().get(0)).path("validFrom").asText()).isEqualTo(AT.toString());
        assertThat(approve.args()).containsExactly("{\"agreementId\":\"agr-7\",\"note\":\"ok\"}");
        assertThat(reject.function()).isEqualTo("Agreements:rejectAgreement");
        assertThat(reject.args()).containsExactly("agr-7", "too broad");
    }

    @Test
    void bad_input_fails_before_anything_is_signed() {
        assertThatThrownBy(() -> UnsignedCommand.builder().mspId("BankMSP")
                .function("Organisations:registerOrganisation").args("{}").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be relayed");
        assertThatThrownBy(() -> UnsignedCommand.builder().mspId("Bank MSP"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mspId");
        assertThatThrownBy(() -> UnsignedCommand.builder().mspId("BankMSP").function("Consents:grantConsent").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("args");
        assertThatThrownBy(() -> Commands.rejectAgreement("SocialInsuranceMSP", "agr-7", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> Commands.requestAgreement("BankMSP", "agr-7", "social.insurance.contributions",
                List.of("employer"), List.of("LOAN_UNDERWRITING"), AT, AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("validFrom");
    }
}
