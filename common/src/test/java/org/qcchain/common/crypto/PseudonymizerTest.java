package org.qcchain.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PseudonymizerTest {

    private static final String ID = "11010519491231002X";

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Nested
    class Pseudonyms {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void are_stable_lowercase_hex_hmacs_of_type_and_number(CryptoSuite suite) {
            Pseudonymizer pseudonymizer = new Pseudonymizer(suite, key(7));

            assertThat(pseudonymizer.pseudonym("RESIDENT_ID", ID))
                    .isEqualTo(new Pseudonymizer(suite, key(7)).pseudonym("RESIDENT_ID", ID))
                    .isEqualTo(HexFormat.of().formatHex(
                            suite.hmac(key(7), ("RESIDENT_ID:" + ID).getBytes(StandardCharsets.UTF_8))))
                    .matches("[0-9a-f]{64}");
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void differ_per_key_and_per_type(CryptoSuite suite) {
            String pseudonym = new Pseudonymizer(suite, key(1)).pseudonym("USCC", ID);

            assertThat(new Pseudonymizer(suite, key(2)).pseudonym("USCC", ID)).isNotEqualTo(pseudonym);
            assertThat(new Pseudonymizer(suite, key(1)).pseudonym("RESIDENT_ID", ID))
                    .isNotEqualTo(pseudonym);
        }

        @Test
        void differ_per_suite() {
            assertThat(new Pseudonymizer(CryptoSuite.P256_SHA256, key(1)).pseudonym("VIN", ID))
                    .isNotEqualTo(new Pseudonymizer(CryptoSuite.SM2_SM3, key(1)).pseudonym("VIN", ID));
        }

        @ParameterizedTest
        @ValueSource(strings = {" 110105 19491231 002x ", "11010519491231002x",
                "\t110105\u300019491231002X\n", "１１０１０５１９４９１２３１００２Ｘ"})
        void normalise_whitespace_case_and_full_width_characters(String written) {
            Pseudonymizer pseudonymizer = new Pseudonymizer(CryptoSuite.SM2_SM3, key(3));

            assertThat(pseudonymizer.pseudonym("RESIDENT_ID", written))
                    .isEqualTo(pseudonymizer.pseudonym("RESIDENT_ID", ID));
        }

        @Test
        void copy_the_key_so_later_changes_do_not_matter() {
            byte[] key = key(5);
            Pseudonymizer pseudonymizer = new Pseudonymizer(CryptoSuite.P256_SHA256, key);
            String before = pseudonymizer.pseudonym("PLATE", "京A12345");
            key[0] ^= 1;

            assertThat(pseudonymizer.pseudonym("PLATE", "京A12345")).isEqualTo(before);
        }
    }

    @Nested
    class Rejections {

        private final Pseudonymizer pseudonymizer = new Pseudonymizer(CryptoSuite.SM2_SM3, key(9));

        @ParameterizedTest
        @ValueSource(strings = {"", "R", "resident_id", "1D", "RESIDENT-ID",
                "A234567890123456789012345678901234"})
        void bad_identifier_types(String type) {
            assertThatThrownBy(() -> pseudonymizer.pseudonym(type, ID))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("identifier type must match");
        }

        @Test
        void swapped_arguments_without_echoing_the_number() {
            assertThatThrownBy(() -> pseudonymizer.pseudonym(ID, "RESIDENT_ID"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .message().doesNotContain(ID).doesNotContain("110105");
        }

        @Test
        void blank_and_overlong_numbers_without_echoing_them() {
            String longNumber = "9".repeat(65);

            assertThatThrownBy(() -> pseudonymizer.pseudonym("USCC", " \t "))
                    .hasMessage("identifier number must not be empty");
            assertThatThrownBy(() -> pseudonymizer.pseudonym("USCC", longNumber))
                    .hasMessage("identifier number must be at most 64 characters");
            assertThatThrownBy(() -> pseudonymizer.pseudonym("USCC", "12\u000034"))
                    .hasMessage("identifier number contains a control character");
            assertThat(pseudonymizer.pseudonym("USCC", "9".repeat(64))).hasSize(64);
        }

        @Test
        void short_platform_keys() {
            assertThatThrownBy(() -> new Pseudonymizer(CryptoSuite.P256_SHA256, new byte[31]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("platform key must be at least 32 bytes, was 31");
        }
    }
}
