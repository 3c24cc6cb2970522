package org.qcchain.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qcchain.simulator.Fixtures.commit;
import static org.qcchain.simulator.Fixtures.utf8;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChaincodeRunnerTest {

    private final ChaincodeRunner runner = Fixtures.runner();
    private final InMemoryStateStore state = new InMemoryStateStore();

    @Nested
    class Routing {

        @Test
        void calls_the_default_contracts_function_and_returns_its_payload() {
            commit(state, 1, "k", "stored");

            SimulationResult result = runner.simulate(Fixtures.proposal("get", "k"), state);

            assertThat(result.status()).isEqualTo(200);
            assertThat(result.isSuccess()).isTrue();
            assertThat(result.payloadAsString()).isEqualTo("stored");
            assertThat(result.readWriteSet().reads()).containsEntry("k", new Version(1, 0));
        }

        @Test
        void reaches_a_named_contract_with_its_prefix() {
            SimulationResult result = runner.simulate(Fixtures.proposal("Other:ping"), state);

            assertThat(result.payloadAsString()).isEqualTo("pong from BankMSP");
        }

        @Test
        void converts_arguments_to_the_parameter_types() {
            commit(state, 1, "a", "1", "b", "2", "c", "3");

            SimulationResult result =
                    runner.simulate(Fixtures.proposal("pagedRange", "", "", "2", ""), state);

            assertThat(result.payloadAsString()).isEqualTo("a,b|c|2");
        }

        @Test
        void records_the_writes_of_a_submitted_function() {
            SimulationResult result = runner.simulate(Fixtures.proposal("put", "k", "v"), state);

            assertThat(result.payload()).isEmpty();
            assertThat(result.readWriteSet().writes()).containsEntry("k", Write.of(utf8("v")));
            assertThat(state.get("k")).as("nothing is committed").isEmpty();
        }

        @Test
        void routes_an_init_proposal() {
            SimulationResult result = runner.simulate(
                    Fixtures.proposalBuilder("put", "k", "v").init(true).build(), state);

            assertThat(result.isSuccess()).isTrue();
            assertThat(result.readWriteSet().writes()).containsKey("k");
        }

        @Test
        void refuses_a_proposal_for_another_chaincode() {
            Proposal other = Fixtures.proposalBuilder("get", "k").chaincodeName("other").build();

            assertThatThrownBy(() -> runner.simulate(other, state))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ledgertest");
        }
    }

    @Nested
    class Errors {

        @Test
        void a_chaincode_exception_gives_status_500_with_its_message_and_payload() {
            SimulationResult result =
                    runner.simulate(Fixtures.proposal("fail", "consent revoked", "CONSENT_REVOKED"), state);

            assertThat(result.status()).isEqualTo(500);
            assertThat(result.isSuccess()).isFalse();
            assertThat(result.message()).isEqualTo("consent revoked");
            assertThat(result.payloadAsString()).isEqualTo("CONSENT_REVOKED");
        }

        @Test
        void any_other_exception_in_the_contract_gives_status_500_without_its_message() {
            SimulationResult result = runner.simulate(Fixtures.proposal("crash"), state);

            assertThat(result.status()).isEqualTo(500);
            assertThat(result.message()).isEqualTo("Error during contract method execution");
            assertThat(result.payload()).isEmpty();
        }

        @Test
        void a_failure_before_the_contract_runs_gives_status_500_unexpected_error() {
            SimulationResult result = runner.simulate(Fixtures.proposal("get"), state);

            assertThat(result.status()).isEqualTo(500);
            assertThat(result.message()).isEqualTo("Unexpected error");
        }

        @Test
        void a_creator_that_is_no_serialized_identity_fails_the_transaction() {
            Proposal anonymous = Fixtures.proposalBuilder("get", "k").creator(utf8("nobody")).build();

            assertThat(runner.simulate(anonymous, state).status()).isEqualTo(500);
        }

        @Test
        void an_unknown_function_gives_status_500() {
            SimulationResult result = runner.simulate(Fixtures.proposal("noSuchFunction"), state);

            assertThat(result.status()).isEqualTo(500);
            assertThat(result.message()).contains("Undefined contract method called");
        }

        @Test
        void a_write_after_a_paginated_query_fails_the_transaction() {
            SimulationResult result =
                    runner.simulate(Fixtures.proposal("putAfterPagedRange", "k", "v"), state);

            assertThat(result.status()).isEqualTo(500);
            assertThat(result.message()).contains("Writes are not allowed");
            assertThat(result.readWriteSet().writes()).isEmpty();
        }
    }

    @Nested
    class WhatTheContractSees {

        @Test
        void the_client_identity_carries_the_msp_id_and_certificate() {
            Proposal fromInsurer =
                    Fixtures.proposalBuilder("whoAmI").creator(TestIdentity.INSURER.creator()).build();

            SimulationResult result = runner.simulate(fromInsurer, state);

            assertThat(result.payloadAsString()).isEqualTo("InsurerMSP|"
                    + TestIdentity.INSURER.certificate().getSubjectX500Principal().getName());
        }

        @Test
        void the_peer_msp_id_is_the_runners() {
            assertThat(runner.simulate(Fixtures.proposal("peerMspId"), state).payloadAsString())
                    .isEqualTo(Fixtures.PEER_MSP);
        }

        @Test
        void the_transaction_id_channel_timestamp_and_arguments_are_the_proposals() {
            Proposal proposal = Fixtures.proposal("txInfo", "x");

            assertThat(runner.simulate(proposal, state).payloadAsString()).isEqualTo(String.join("|",
                    proposal.txId(), Fixtures.CHANNEL, Fixtures.T0.toString(), "txInfo", "[x]"));
        }

        @Test
        void transient_data_is_passed_through() {
            Proposal proposal = Fixtures.proposalBuilder("transientValue", "secret")
                    .putTransient("secret", utf8("s3cr3t"))
                    .build();

            assertThat(runner.simulate(proposal, state).payloadAsString()).isEqualTo("s3cr3t");
        }

        @Test
        void a_missing_key_reads_as_empty_not_null() {
            assertThat(runner.simulate(Fixtures.proposal("describe", "missing"), state)
                    .payloadAsString()).isEqualTo("empty");
        }

        @Test
        void its_own_writes_are_not_visible_to_its_reads() {
            commit(state, 1, "k", "old");

            assertThat(runner.simulate(Fixtures.proposal("putThenGet", "k", "new"), state)
                    .payloadAsString()).isEqualTo("value:old");
        }
    }

    @Nested
    class Events {

        @Test
        void the_last_event_set_is_the_transactions_event() {
            Proposal proposal = Fixtures.proposal("emitTwice", "First", "Second");

            SimulationResult result = runner.simulate(proposal, state);

            assertThat(result.event()).contains(new ChaincodeEventRecord(Fixtures.CHAINCODE,
                    proposal.txId(), "Second", utf8("Second")));
        }

        @Test
        void a_transaction_without_event_has_none() {
            assertThat(runner.simulate(Fixtures.proposal("get", "k"), state).event()).isEmpty();
        }
    }

    @Test
    void simulates_concurrently_from_several_threads() throws Exception {
        for (int i = 0; i < 100; i++) {
            commit(state, 1, "key" + i, "value" + i);
        }
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int task = 0; task < 400; task++) {
                int i = task % 100;
                tasks.add(() -> {
                    SimulationResult read = runner.simulate(Fixtures.proposal("get", "key" + i), state);
                    SimulationResult write =
                            runner.simulate(Fixtures.proposal("put", "out" + i, "v" + i), state);
                    return read.payloadAsString().equals("value" + i)
                            && read.readWriteSet().reads().equals(Map.of("key" + i, new Version(1, 0)))
                            && write.readWriteSet().writes().equals(Map.of("out" + i, Write.of(utf8("v" + i))));
                });
            }
            List<Future<Boolean>> results = threads.invokeAll(tasks, 2, TimeUnit.MINUTES);
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void keeps_the_shim_quiet_and_leaves_the_root_handlers_as_they_were() {
        assertThat(runner).as("built").isNotNull();

        Logger router = Logger.getLogger("org.hyperledger.fabric.contract.ContractRouter");
        assertThat(router.isLoggable(Level.INFO)).isFalse();
        assertThat(router.isLoggable(Level.SEVERE)).isTrue();
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            assertThat(handler.getLevel()).as("the shim sets ALL").isNotEqualTo(Level.ALL);
            assertThat(handler.getFormatter().getClass().getName()).doesNotStartWith("org.hyperledger");
            assertThat(handler.getFilter()).isNull();
        }
        assertThat(System.getProperty("java.util.logging.SimpleFormatter.format")).isNull();
    }
}
