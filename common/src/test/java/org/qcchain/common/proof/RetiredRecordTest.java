package org.qcchain.common.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.common.crypto.CryptoSuite;

class RetiredRecordTest {

    private static final RetiredRecord RETIRED = new RetiredRecord("vehicle.registration", "rec-0001", 4,
            Fixtures.SUBJECT);

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void its_root_is_the_tagged_hash_of_the_canonical_header_marked_retired(CryptoSuite suite) {
        String canonical = "{\"datasetId\":\"vehicle.registration\",\"format\":\"qcchain-proof/1\","
                + "\"recordId\":\"rec-0001\",\"retired\":true,\"subject\":\"" + Fixtures.SUBJECT + "\",\"version\":4}";

        assertThat(RETIRED.root(suite)).isEqualTo(suite.hash(
                Fixtures.concat(new byte[] {0x03}, canonical.getBytes(StandardCharsets.UTF_8))));
        assertThat(RETIRED.rootHex(suite)).isEqualTo(Fixtures.HEX.formatHex(RETIRED.root(suite)));
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void is_never_the_root_of_a_version_with_values_and_binds_every_part(CryptoSuite suite) {
        CommittedRecord vehicle = Fixtures.committedVehicle(suite); // rec-0001, version 3, the same subject
        RetiredRecord sameVersion = new RetiredRecord(vehicle.record().datasetId(), vehicle.record().recordId(),
                vehicle.record().version(), vehicle.record().subject());

        assertThat(sameVersion.rootHex(suite)).isNotEqualTo(vehicle.rootHex());
        Set<String> roots = Set.of(RETIRED.rootHex(suite),
                new RetiredRecord("vehicle.violations", "rec-0001", 4, Fixtures.SUBJECT).rootHex(suite),
                new RetiredRecord("vehicle.registration", "rec-0002", 4, Fixtures.SUBJECT).rootHex(suite),
                new RetiredRecord("vehicle.registration", "rec-0001", 5, Fixtures.SUBJECT).rootHex(suite),
                new RetiredRecord("vehicle.registration", "rec-0001", 4, "0".repeat(64)).rootHex(suite));
        assertThat(roots).hasSize(5);
    }

    @Test
    void refuses_parts_a_record_could_not_have() {
        assertThatThrownBy(() -> new RetiredRecord("Vehicle", "rec-0001", 4, Fixtures.SUBJECT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("datasetId");
        assertThatThrownBy(() -> new RetiredRecord("vehicle.registration", "rec 1", 4, Fixtures.SUBJECT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recordId");
        assertThatThrownBy(() -> new RetiredRecord("vehicle.registration", "rec-0001", 0, Fixtures.SUBJECT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> new RetiredRecord("vehicle.registration", "rec-0001", 4, "110101199001011234"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("110101199001011234");
    }
}
