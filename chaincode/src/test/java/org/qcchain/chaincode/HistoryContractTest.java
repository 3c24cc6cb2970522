package org.qcchain.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qcchain.chaincode.model.ConsentStatusChange;
import org.qcchain.chaincode.model.HistoryEntryView;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;

class HistoryContractTest {
    private final Scenario s = Scenario.ready(TestNetwork.started(CryptoSuite.P256_SHA256));

    private List<HistoryEntryView> history(Member reader, String type, String id) {
        return s.net.evaluate(reader, "History:getHistory", type, id)
                .as(new TypeReference<List<HistoryEntryView>>() {});
    }

    @Test
    void shows_every_version_of_a_consent_newest_first() {
        s.net.advance(Duration.ofMinutes(1));
        s.net.submit(s.net.citizenApp, "Consents:pauseConsent",
                Json.write(new ConsentStatusChange(Scenario.CONSENT, "away"))).assertCommitted();
        s.net.advance(Duration.ofMinutes(1));
        s.revoke(Scenario.CONSENT).assertCommitted();

        List<HistoryEntryView> history = history(s.net.auditOffice, "CONSENT", Scenario.CONSENT);

        assertThat(history).extracting(h -> h.value().get("status").asText())
                .containsExactly("REVOKED", "PAUSED", "ACTIVE");
        assertThat(history).extracting(HistoryEntryView::timestamp).isSortedAccordingTo(
                (a, b) -> b.compareTo(a));
        assertThat(history).extracting(HistoryEntryView::deleted).containsOnly(false);
    }

    @Test
    void shows_the_usage_counter_and_agreement_history_to_parties() {
        s.bankRequests();
        s.net.advance(Duration.ofMinutes(1));
        s.bankRequests();

        assertThat(history(s.net.bank, "CONSENT_USAGE", Scenario.CONSENT))
                .extracting(h -> h.value().get("uses").asLong()).containsExactly(2L, 1L);
        assertThat(history(s.net.socialInsurance, "AGREEMENT", Scenario.AGREEMENT))
                .extracting(h -> h.value().get("status").asText()).containsExactly("ACTIVE", "PENDING");
    }

    @Test
    void the_history_of_a_record_is_as_private_as_the_record() {
        s.net.evaluate(s.net.insurer, "History:getHistory", "CONSENT", Scenario.CONSENT)
                .assertError(ErrorCode.NOT_AUTHORIZED);
        s.net.evaluate(s.net.insurer, "History:getHistory", "AGREEMENT", Scenario.AGREEMENT)
                .assertError(ErrorCode.NOT_AUTHORIZED);
        s.net.evaluate(s.net.insurer, "History:getHistory", "DATASET", Scenario.DATASET).assertOk();
    }

    @Test
    void refuses_unknown_types_and_ids() {
        s.net.evaluate(s.net.auditOffice, "History:getHistory", "PASSWORDS", "x")
                .assertError(ErrorCode.INVALID_ARGUMENT);
        s.net.evaluate(s.net.auditOffice, "History:getHistory", "CONSENT", "nope")
                .assertError(ErrorCode.CONSENT_NOT_FOUND);
        s.net.evaluate(s.net.auditOffice, "History:getHistory", "ANCHOR", "no-slash")
                .assertError(ErrorCode.INVALID_ARGUMENT);
    }
}
