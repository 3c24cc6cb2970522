package org.qcchain.common.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.common.crypto.CryptoSuite;

class SaltSourceTest {

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void derived_salts_are_the_hmac_of_dataset_record_version_and_field(CryptoSuite suite) {
        byte[] salt = SaltSource.derived(suite, Fixtures.key(1)).salt(Fixtures.vehicle(), "plate");

        assertThat(salt).isEqualTo(suite.hmac(Fixtures.key(1),
                "qcchain-proof/1/salt|vehicle.registration|rec-0001|3|plate".getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void derived_salts_differ_per_field_and_per_key(CryptoSuite suite) {
        SaltSource salts = SaltSource.derived(suite, Fixtures.key(1));

        assertThat(salts.salt(Fixtures.vehicle(), "plate")).isNotEqualTo(salts.salt(Fixtures.vehicle(), "seats"))
                .isNotEqualTo(SaltSource.derived(suite, Fixtures.key(2)).salt(Fixtures.vehicle(), "plate"));
    }

    @Test
    void random_salts_are_32_fresh_bytes() {
        SaltSource salts = SaltSource.random();

        assertThat(salts.salt(Fixtures.vehicle(), "plate")).hasSize(32)
                .isNotEqualTo(salts.salt(Fixtures.vehicle(), "plate"));
    }

    @Test
    void derived_salt_keys_are_at_least_32_bytes_and_never_shown() {
        assertThatThrownBy(() -> SaltSource.derived(CryptoSuite.SM2_SM3, new byte[31]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32 bytes");
        assertThat(SaltSource.derived(CryptoSuite.SM2_SM3, Fixtures.key(0x41)).toString())
                .isEqualTo("SaltSource.derived(SM2_SM3)");
    }

    @Test
    void stored_salts_give_back_copies_and_refuse_unknown_fields() {
        byte[] kept = Fixtures.key(7);
        SaltSource salts = SaltSource.stored(Map.of("plate", kept));
        kept[0] = 99;

        assertThat(salts.salt(Fixtures.vehicle(), "plate")).isEqualTo(Fixtures.key(7));
        assertThatThrownBy(() -> salts.salt(Fixtures.vehicle(), "seats"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'seats'");
        assertThatThrownBy(() -> SaltSource.stored(Map.of("plate", new byte[16])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }
}
