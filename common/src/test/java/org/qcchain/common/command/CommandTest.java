package org.qcchain.common.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qcchain.common.json.Json;
import org.qcchain.common.json.JsonInputException;

class CommandTest {

    static final Command REVOKE = new Command("Consents:revokeConsent",
            List.of("{\"consentId\":\"consent-7781\",\"reason\":\"moved away\"}"), "CitizenAppMSP",
            "9f1c2e4b7a3d4c5e", "2026-03-02T09:00:00.123Z");

    @Test
    void signs_the_rfc_8785_bytes_with_sorted_keys_and_arguments_as_strings() {
        assertThat(new String(REVOKE.signingBytes(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"args\":[\"{\\\"consentId\\\":\\\"consent-7781\\\",\\\"reason\\\":\\\"moved away\\\"}\"],"
                        + "\"function\":\"Consents:revokeConsent\",\"issuedAt\":\"2026-03-02T09:00:00.123Z\","
                        + "\"mspId\":\"CitizenAppMSP\",\"nonce\":\"9f1c2e4b7a3d4c5e\"}");
    }

    @Test
    void an_envelope_read_back_signs_the_same_bytes() {
        CommandEnvelope envelope = new CommandEnvelope(REVOKE, "PEM", "c2ln");

        CommandEnvelope read = Json.parse(Json.write(envelope), CommandEnvelope.class);

        assertThat(read).isEqualTo(envelope);
        assertThat(read.command().signingBytes()).isEqualTo(REVOKE.signingBytes());
    }

    @Test
    void a_command_with_a_field_the_signer_did_not_sign_is_refused() {
        String json = "{\"function\":\"Consents:revokeConsent\",\"args\":[],\"mspId\":\"A\",\"nonce\":\"12345678\","
                + "\"issuedAt\":\"2026-03-02T09:00:00Z\",\"onBehalfOf\":\"B\"}";

        assertThatThrownBy(() -> Json.parse(json, Command.class)).isInstanceOf(JsonInputException.class)
                .hasMessageContaining("onBehalfOf");
    }

    @Test
    void arguments_cannot_be_changed_after_construction() {
        assertThatThrownBy(() -> REVOKE.args().add("more")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void names_the_relayed_form_of_each_relayable_function_only() {
        assertThat(RelayedFunctions.relayedForm("Agreements:approveAgreement"))
                .isEqualTo("Agreements:approveAgreementRelayed");
        assertThatThrownBy(() -> RelayedFunctions.relayedForm("Organisations:registerOrganisation"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
