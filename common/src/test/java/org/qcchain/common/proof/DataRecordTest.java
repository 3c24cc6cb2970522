package org.qcchain.common.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataRecordTest {

    private static DataRecord.Builder header() {
        return DataRecord.builder().datasetId("vehicle.registration").recordId("r1").version(1)
                .subject(Fixtures.SUBJECT);
    }

    @Test
    void keeps_fields_sorted_by_name_whatever_the_order_they_were_added_in() {
        DataRecord record = header().field("b", 1).field("a", "x").field("C", true).build();

        assertThat(record.fields().keySet()).containsExactly("C", "a", "b");
    }

    @Test
    void stores_integers_of_any_width_as_the_same_value() {
        DataRecord fromLong = header().field("n", 5).build();
        DataRecord fromNode = header().field("n", JsonNodeFactory.instance.numberNode((short) 5)).build();

        assertThat(fromLong).isEqualTo(fromNode);
    }

    @Test
    void shows_identifiers_and_field_names_but_never_values() {
        assertThat(Fixtures.vehicle().toString())
                .contains("vehicle.registration", "rec-0001", "plate")
                .doesNotContain("鲁A12345", Fixtures.SUBJECT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Vehicle.registration", "vehicle", "vehicle registration", "vehicle.reg|x"})
    void rejects_dataset_ids_outside_the_catalogue_syntax(String id) {
        assertThatThrownBy(() -> DataRecord.builder().datasetId(id))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("datasetId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-r1", "r|1", "r 1"})
    void rejects_record_ids_outside_their_syntax(String id) {
        assertThatThrownBy(() -> DataRecord.builder().recordId(id))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recordId");
    }

    @Test
    void rejects_a_subject_that_is_not_a_pseudonym_without_echoing_it() {
        assertThatThrownBy(() -> DataRecord.builder().subject("11010519491231002X"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pseudonym")
                .hasMessageNotContaining("11010519491231002X");
    }

    @Test
    void rejects_versions_below_one_and_beyond_json_integers() {
        assertThatThrownBy(() -> DataRecord.builder().version(0)).hasMessageContaining("version");
        assertThatThrownBy(() -> DataRecord.builder().version(1L << 53)).hasMessageContaining("version");
    }

    @Test
    void rejects_a_field_set_twice() {
        assertThatThrownBy(() -> header().field("a", 1).field("a", 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a' is set twice");
    }

    @Test
    void rejects_fractional_and_oversized_numbers_and_structured_values() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;

        assertThatThrownBy(() -> header().field("a", nodes.numberNode(1.5)))
                .hasMessageContaining("field 'a'").hasMessageContaining("fractional");
        assertThatThrownBy(() -> header().field("a", 1L << 53)).hasMessageContaining("2^53");
        assertThatThrownBy(() -> header().field("a", Long.MIN_VALUE)).hasMessageContaining("2^53");
        assertThatThrownBy(() -> header().field("a", nodes.numberNode(BigInteger.TEN.pow(30))))
                .hasMessageContaining("2^53");
        assertThatThrownBy(() -> header().field("a", nodes.arrayNode())).hasMessageContaining("array");
        assertThatThrownBy(() -> header().field("a", nodes.objectNode())).hasMessageContaining("object");
    }

    @Test
    void rejects_strings_without_a_utf8_encoding() {
        assertThatThrownBy(() -> header().field("a", "x\uD800"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("surrogate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1a", "a-b", "a.b", "_a", ""})
    void rejects_field_names_outside_their_syntax(String name) {
        assertThatThrownBy(() -> header().field(name, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field name");
    }

    @Test
    void refuses_to_build_without_fields_or_header_parts() {
        assertThatThrownBy(() -> header().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least one field");
        assertThatThrownBy(() -> DataRecord.builder().recordId("r").version(1).subject(Fixtures.SUBJECT)
                .field("a", 1).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("datasetId");
        assertThatThrownBy(() -> DataRecord.builder().datasetId("a.b").recordId("r").subject(Fixtures.SUBJECT)
                .field("a", 1).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("version");
    }
}
