package org.qcchain.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qcchain.chaincode.model.SignedAccessRequest;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.CanonicalJson;
import org.qcchain.common.json.Json;
import org.qcchain.simulator.Proposal;
import org.qcchain.simulator.SimulationResult;
import org.qcchain.simulator.VersionedKeyValue;

/**
 * Endorsing peers must produce the same read/write set from the same proposal, or Fabric rejects
 * the transaction: the contract may depend on nothing but the proposal and the state.
 */
class DeterminismTest {

    @Test
    void the_same_proposal_on_the_same_state_gives_byte_identical_results() {
        Scenario scenario = Scenario.ready(TestNetwork.started(CryptoSuite.SM2_SM3));
        SignedAccessRequest signed = Scenario.sign(scenario.stamped(Scenario.request(Scenario.CONSENT,
                List.of("employer", "monthsPaid"))), scenario.net.bank.client);
        Proposal proposal = Proposal.builder().channelId("datashare").chaincodeName("qcchain")
                .nonce(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}).creator(scenario.net.bank.creator)
                .timestamp(scenario.net.now()).args("Access:requestAccess", Json.write(signed)).build();

        SimulationResult first = TestNetwork.RUNNER.simulate(proposal, scenario.net.ledger.state());
        SimulationResult second = TestNetwork.RUNNER.simulate(proposal, scenario.net.ledger.state());

        assertThat(first.isSuccess()).as(first.message()).isTrue();
        assertThat(second.readWriteSet()).isEqualTo(first.readWriteSet());
        assertThat(second.payload()).isEqualTo(first.payload());
        assertThat(second.event().orElseThrow().payload()).isEqualTo(first.event().orElseThrow().payload());
        assertThat(first.readWriteSet().writes()).isNotEmpty();
    }

    @Test
    void every_record_on_the_ledger_is_stored_as_canonical_json() {
        Scenario scenario = Scenario.ready(TestNetwork.started(CryptoSuite.P256_SHA256));
        scenario.bankRequests();
        scenario.bankRequests(Scenario.request(Scenario.CONSENT, List.of("medicalRecord")));

        List<VersionedKeyValue> all = scenario.net.ledger.state().range("", "", 0);
        int records = 0;
        for (VersionedKeyValue kv : all) {
            String value = new String(kv.value(), StandardCharsets.UTF_8);
            if (!value.startsWith("{")) {
                continue; // index entries and id pointers
            }
            assertThat(value).as(kv.key()).isEqualTo(CanonicalJson.serialize(Json.tree(value)));
            records++;
        }
        assertThat(records).isGreaterThan(10);
    }
}
