package org.qcchain.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Pseudonymizer;

/** How a row's key, an integer or a text such as a case number, becomes its record id. */
class RecordKeysTest {

    static final CryptoSuite SUITE = CryptoSuite.P256_SHA256;
    static final String DATASET = "vehicle.registration";
    static final String RESIDENT_ID = "370102199001011234";
    static final Pseudonymizer PSEUDONYMS = new Pseudonymizer(SUITE, filled(7));

    @Test
    void the_same_text_key_names_the_same_record_and_another_key_another() {
        RecordMaker maker = maker(filled(1));

        assertThat(id(maker, "(2024)鲁0102民初123号")).isEqualTo(id(maker(filled(1)), " (2024)鲁0102民初123号 "))
                .isNotEqualTo(id(maker, "(2024)鲁0102民初124号"));
        assertThat(id(maker, "007")).as("a padded code is text, not the number 7")
                .isNotEqualTo(maker.identify(row(7, null)).recordId());
    }

    @Test
    void a_plainly_written_integer_names_the_record_its_number_names() {
        RecordMaker maker = maker(filled(1));

        assertThat(id(maker, "42")).isEqualTo(maker.identify(row(42, null)).recordId());
        assertThat(id(maker, "-3")).isEqualTo(maker.identify(row(-3, null)).recordId());
        assertThat(maker.identify(row(42, null)).recordId()).as("integer keys keep the ids they always had")
                .isEqualTo(RecordIds.of(SUITE, DATASET, PSEUDONYMS.pseudonym("RESIDENT_ID", RESIDENT_ID), "42"));
    }

    @Test
    void a_text_key_cannot_be_found_from_the_record_id_without_the_providers_salt_key() {
        String key = "鲁A12345";
        String pseudonym = PSEUDONYMS.pseudonym("RESIDENT_ID", RESIDENT_ID);

        String id = id(maker(filled(1)), key);

        assertThat(id).as("a guess hashed as integer keys are").isNotEqualTo(RecordIds.of(SUITE, DATASET, pseudonym, key))
                .isNotEqualTo(id(maker(filled(2)), key));
    }

    @Test
    void refuses_a_row_with_both_a_sequence_and_a_text_key() {
        assertThatThrownBy(() -> row(3, "A-1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a row has a sequence or a text key, not both");
    }

    private static String id(RecordMaker maker, String key) {
        return maker.identify(row(0, key)).recordId();
    }

    private static SourceRow row(long sequence, String key) {
        return new SourceRow("RESIDENT_ID", RESIDENT_ID, sequence, key, null, Map.of("plate", "x"));
    }

    private static RecordMaker maker(byte[] saltKey) {
        return new RecordMaker(PSEUDONYMS, SUITE, DATASET, List.of("plate"), saltKey);
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }
}
