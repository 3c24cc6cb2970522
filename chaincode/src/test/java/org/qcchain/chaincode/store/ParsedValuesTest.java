package org.qcchain.chaincode.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qcchain.chaincode.model.ConsentUsage;
import org.qcchain.chaincode.model.Organisation;
import org.qcchain.chaincode.model.Role;
import org.qcchain.common.json.Json;

class ParsedValuesTest {

    private static byte[] organisation(String name) {
        return Json.canonicalBytes(new Organisation("BankMSP", name, List.of(Role.CONSUMER), List.of("pem"),
                "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"));
    }

    @Test
    void the_same_bytes_give_the_same_immutable_value_once_parsed() {
        byte[] bytes = organisation("Bank of Jinan");

        Organisation first = ParsedValues.parse(bytes, Organisation.class);
        Organisation second = ParsedValues.parse(bytes.clone(), Organisation.class);

        assertThat(second).isSameAs(first).isEqualTo(Json.parse(bytes, Organisation.class));
        assertThatThrownBy(() -> first.roles().add(Role.OPERATOR)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void other_bytes_are_parsed_on_their_own_and_a_caller_changing_its_array_changes_nothing() {
        byte[] bytes = organisation("Bank A");
        Organisation a = ParsedValues.parse(bytes, Organisation.class);
        byte[] other = organisation("Bank B");
        System.arraycopy(other, 0, bytes, 0, Math.min(bytes.length, other.length));

        assertThat(ParsedValues.parse(organisation("Bank A"), Organisation.class)).isSameAs(a);
        assertThat(ParsedValues.parse(other, Organisation.class).name()).isEqualTo("Bank B");
    }

    @Test
    void values_that_change_with_every_request_are_parsed_every_time() {
        byte[] bytes = Json.canonicalBytes(new ConsentUsage("c-1", 3, null, null, 0, 0));

        ConsentUsage first = ParsedValues.parse(bytes, ConsentUsage.class);

        assertThat(ParsedValues.parse(bytes, ConsentUsage.class)).isNotSameAs(first).isEqualTo(first);
    }
}
