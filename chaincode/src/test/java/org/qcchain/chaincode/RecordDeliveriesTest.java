package org.qcchain.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qcchain.chaincode.Scenario.CONSENT;
import static org.qcchain.chaincode.Scenario.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qcchain.chaincode.model.AccessRecord;
import org.qcchain.chaincode.model.DeliveryReceipt;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.simulator.Proposal;
import org.qcchain.simulator.SimulationResult;

/** {@code Access:recordDeliveries}: many receipts in one transaction, each under recordDelivery's rules. */
class RecordDeliveriesTest {

    private Scenario scenario;

    @BeforeEach
    void ready() {
        scenario = Scenario.ready(TestNetwork.started(CryptoSuite.P256_SHA256));
    }

    @Test
    void records_the_deliveries_of_several_granted_requests_in_one_transaction() {
        AccessRecord first = scenario.bankRequests();
        AccessRecord second = scenario.bankRequests();

        JsonNode outcomes = recordDeliveries(scenario.net.bank, receipt(first, "ab"), receipt(second, "cd"));

        assertThat(outcomes).hasSize(2);
        assertThat(outcomes.get(0).path("accessId").asText()).isEqualTo(first.accessId());
        assertThat(outcomes.get(0).path("recorded").asBoolean()).isTrue();
        assertThat(outcomes.get(1).path("recorded").asBoolean()).isTrue();
        assertThat(read(first).answerHash()).isEqualTo("ab".repeat(32));
        assertThat(read(first).deliveredAt()).isEqualTo(scenario.net.now().toString());
        assertThat(read(second).answerHash()).isEqualTo("cd".repeat(32));
    }

    @Test
    void reports_each_receipt_that_breaks_a_rule_and_records_the_others() {
        AccessRecord granted = scenario.bankRequests();
        AccessRecord denied = scenario.bankRequests(request(CONSENT, List.of("medicalRecord")));
        AccessRecord recordedBefore = scenario.bankRequests();
        scenario.net.submit(scenario.net.bank, "Access:recordDelivery", Json.write(receipt(recordedBefore, "01")))
                .assertCommitted();

        JsonNode outcomes = recordDeliveries(scenario.net.bank, receipt(granted, "ab"), receipt(denied, "cd"),
                new DeliveryReceipt("no-such-access", "ef".repeat(32)), receipt(recordedBefore, "02"),
                receipt(granted, "03"));

        assertThat(outcomes.get(0).path("recorded").asBoolean()).isTrue();
        assertRefused(outcomes.get(1), ErrorCode.INVALID_STATE_TRANSITION);
        assertRefused(outcomes.get(2), ErrorCode.ACCESS_RECORD_NOT_FOUND);
        assertRefused(outcomes.get(3), ErrorCode.DELIVERY_ALREADY_RECORDED);
        assertThat(outcomes.get(3).path("answerHash").asText()).isEqualTo("01".repeat(32));
        assertRefused(outcomes.get(4), ErrorCode.DELIVERY_ALREADY_RECORDED);
        assertThat(read(granted).answerHash()).isEqualTo("ab".repeat(32));
        assertThat(read(denied).answerHash()).isNull();
        assertThat(read(recordedBefore).answerHash()).isEqualTo("01".repeat(32));
    }

    @Test
    void only_the_submitter_of_the_request_may_record_its_delivery() {
        AccessRecord granted = scenario.bankRequests();

        JsonNode outcomes = recordDeliveries(scenario.net.insurer, receipt(granted, "ab"));

        assertRefused(outcomes.get(0), ErrorCode.NOT_AUTHORIZED);
        assertThat(read(granted).answerHash()).isNull();
    }

    @Test
    void a_malformed_receipt_refuses_the_whole_call_and_records_nothing() {
        AccessRecord granted = scenario.bankRequests();

        scenario.net.submit(scenario.net.bank, "Access:recordDeliveries", Json.write(List.of(receipt(granted, "ab"),
                new DeliveryReceipt(granted.accessId(), "not-a-hash")))).assertError(ErrorCode.INVALID_ARGUMENT);
        scenario.net.submit(scenario.net.bank, "Access:recordDeliveries", "[]").assertError(ErrorCode.INVALID_ARGUMENT);
        scenario.net.submit(scenario.net.bank, "Access:recordDeliveries", "{\"accessId\":\"x\"}")
                .assertError(ErrorCode.INVALID_ARGUMENT);
        List<DeliveryReceipt> tooMany = new ArrayList<>();
        for (int i = 0; i <= AccessContract.MAX_RECEIPTS; i++) {
            tooMany.add(receipt(granted, "ab"));
        }
        scenario.net.submit(scenario.net.bank, "Access:recordDeliveries", Json.write(tooMany))
                .assertError(ErrorCode.INVALID_ARGUMENT);

        assertThat(read(granted).answerHash()).isNull();
    }

    @Test
    void the_same_receipts_on_the_same_state_give_byte_identical_results() {
        AccessRecord first = scenario.bankRequests();
        AccessRecord second = scenario.bankRequests();
        Proposal proposal = Proposal.builder().channelId("datashare").chaincodeName("qcchain")
                .nonce(new byte[] {8, 7, 6, 5, 4, 3, 2, 1}).creator(scenario.net.bank.creator)
                .timestamp(scenario.net.now())
                .args("Access:recordDeliveries", Json.write(List.of(receipt(first, "ab"), receipt(second, "cd"))))
                .build();

        SimulationResult once = TestNetwork.RUNNER.simulate(proposal, scenario.net.ledger.state());
        SimulationResult again = TestNetwork.RUNNER.simulate(proposal, scenario.net.ledger.state());

        assertThat(once.isSuccess()).as(once.message()).isTrue();
        assertThat(again.readWriteSet()).isEqualTo(once.readWriteSet());
        assertThat(again.payload()).isEqualTo(once.payload());
        assertThat(again.event().orElseThrow().payload()).isEqualTo(once.event().orElseThrow().payload());
        assertThat(once.readWriteSet().writes()).hasSize(2);
    }

    private JsonNode recordDeliveries(Member who, DeliveryReceipt... receipts) {
        TestNetwork.Outcome outcome = scenario.net.submit(who, "Access:recordDeliveries", Json.write(List.of(receipts)))
                .assertCommitted();
        return Json.tree(outcome.payload());
    }

    private AccessRecord read(AccessRecord record) {
        return scenario.net.evaluate(scenario.net.bank, "Access:getAccessRecord", record.accessId())
                .as(AccessRecord.class);
    }

    private static DeliveryReceipt receipt(AccessRecord record, String hashByte) {
        return new DeliveryReceipt(record.accessId(), hashByte.repeat(32));
    }

    private static void assertRefused(JsonNode outcome, ErrorCode code) {
        assertThat(outcome.path("recorded").asBoolean()).as(outcome.toString()).isFalse();
        assertThat(outcome.path("code").asText()).isEqualTo(code.code());
        assertThat(outcome.path("message").asText()).isNotEmpty();
    }
}
