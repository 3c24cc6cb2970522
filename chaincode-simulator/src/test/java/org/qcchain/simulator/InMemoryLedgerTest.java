package org.qcchain.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qcchain.simulator.Fixtures.utf8;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InMemoryLedgerTest {

    private static final byte[] BANK = TestIdentity.BANK.creator();

    private final InMemoryLedger ledger =
            new InMemoryLedger(Fixtures.runner(), Fixtures.CHANNEL, Fixtures.T0);

    @Nested
    class Commit {

        @Test
        void commits_writes_at_the_next_block_and_advances_the_height() {
            assertThat(ledger.height()).as("the genesis block").isEqualTo(1);

            TransactionResult result = ledger.submit(BANK, "put", "k", "v");

            assertThat(result.committed()).isTrue();
            assertThat(result.validationMessage()).isEqualTo("VALID");
            assertThat(ledger.height()).isEqualTo(2);
            assertThat(ledger.state().get("k"))
                    .contains(new VersionedValue(utf8("v"), new Version(1, 0)));
        }

        @Test
        void keeps_the_history_newest_first_with_deletions_flagged_and_clock_timestamps() {
            TransactionResult first = ledger.submit(BANK, "put", "k", "v1");
            ledger.advance(Duration.ofHours(1));
            TransactionResult second = ledger.submit(BANK, "put", "k", "v2");
            ledger.advance(Duration.ofHours(1));
            TransactionResult deletion = ledger.submit(BANK, "delete", "k");

            assertThat(ledger.state().history("k")).containsExactly(
                    new HistoryEntry(deletion.txId(), Fixtures.T0.plus(Duration.ofHours(2)), new byte[0],
                            true),
                    new HistoryEntry(second.txId(), Fixtures.T0.plus(Duration.ofHours(1)), utf8("v2"),
                            false),
                    new HistoryEntry(first.txId(), Fixtures.T0, utf8("v1"), false));
            assertThat(ledger.evaluate(BANK, "history", "k").payloadAsString()).isEqualTo(
                    ":true:" + deletion.txId() + ";v2:false:" + second.txId() + ";v1:false:"
                            + first.txId());
        }

        @Test
        void writing_an_empty_value_deletes_the_key() {
            ledger.submit(BANK, "put", "k", "v");
            ledger.submit(BANK, "putEmpty", "k");

            assertThat(ledger.state().get("k")).isEmpty();
            assertThat(ledger.state().history("k").get(0).deleted()).isTrue();
        }

        @Test
        void routes_an_init_transaction() {
            TransactionResult result = ledger.init(BANK, "put", "config", "initial");

            assertThat(result.committed()).isTrue();
            assertThat(ledger.state().get("config")).isPresent();
        }

        @Test
        void evaluating_never_commits() {
            SimulationResult result = ledger.evaluate(BANK, "put", "k", "v");

            assertThat(result.isSuccess()).isTrue();
            assertThat(ledger.state().get("k")).isEmpty();
            assertThat(ledger.height()).isEqualTo(1);
        }
    }

    @Nested
    class Refusals {

        @Test
        void refuses_to_commit_a_transaction_with_a_paginated_query() {
            ledger.submit(BANK, "put", "a", "1");

            TransactionResult result = ledger.submit(BANK, "pagedRange", "", "", "10", "");

            assertThat(result.status()).isEqualTo(200);
            assertThat(result.payloadAsString()).isEqualTo("a||1");
            assertThat(result.committed()).isFalse();
            assertThat(result.validationMessage()).startsWith("PAGINATED_QUERY");
            assertThat(ledger.height()).as("never ordered").isEqualTo(2);
        }

        @Test
        void does_not_commit_a_failed_transaction_nor_its_writes_and_event() {
            TransactionResult result = ledger.submit(BANK, "putEmitThenFail", "k", "v");

            assertThat(result.committed()).isFalse();
            assertThat(result.status()).isEqualTo(500);
            assertThat(result.payloadAsString()).isEqualTo("REFUSED");
            assertThat(result.validationMessage()).startsWith("ENDORSEMENT_FAILURE");
            assertThat(ledger.state().get("k")).isEmpty();
            assertThat(ledger.events()).isEmpty();
            assertThat(ledger.height()).isEqualTo(1);
        }

        @Test
        void invalidates_the_second_of_two_transactions_that_read_the_same_key() {
            ledger.submit(BANK, "increment", "counter");
            Endorsement first = ledger.endorse(BANK, "increment", "counter");
            Endorsement second = ledger.endorse(BANK, "increment", "counter");

            TransactionResult won = ledger.order(first);
            TransactionResult lost = ledger.order(second);

            assertThat(won.committed()).isTrue();
            assertThat(lost.committed()).isFalse();
            assertThat(lost.validationMessage()).startsWith("MVCC_READ_CONFLICT").contains("counter");
            assertThat(ledger.state().get("counter").orElseThrow().value()).isEqualTo(utf8("2"));
            assertThat(ledger.height()).as("the invalid transaction still takes a block").isEqualTo(4);
        }

        @Test
        void invalidates_a_range_that_gained_a_key_before_commit() {
            ledger.submit(BANK, "put", "item1", "x");
            Endorsement count = ledger.endorse(BANK, "countRange", "item", "itemz", "count");
            ledger.submit(BANK, "put", "item2", "y");

            TransactionResult result = ledger.order(count);

            assertThat(result.committed()).isFalse();
            assertThat(result.validationMessage()).startsWith("PHANTOM_READ_CONFLICT")
                    .contains("'item2' was created");
        }

        @Test
        void invalidates_a_transaction_ordered_twice() {
            Endorsement endorsement = ledger.endorse(BANK, "put", "k", "v");
            ledger.order(endorsement);

            TransactionResult again = ledger.order(endorsement);

            assertThat(again.committed()).isFalse();
            assertThat(again.validationMessage()).startsWith("DUPLICATE_TXID");
        }
    }

    @Nested
    class Events {

        @Test
        void keeps_one_event_per_transaction_in_commit_order() {
            TransactionResult first = ledger.submit(BANK, "emitTwice", "Ignored", "Kept");
            TransactionResult second = ledger.submit(BANK, "emit", "Another", "payload");
            ledger.submit(BANK, "put", "k", "no event");

            assertThat(ledger.events()).containsExactly(
                    new ChaincodeEventRecord(Fixtures.CHAINCODE, first.txId(), "Kept", utf8("Kept")),
                    new ChaincodeEventRecord(Fixtures.CHAINCODE, second.txId(), "Another",
                            utf8("payload")));
        }
    }

    @Nested
    class Clock {

        @Test
        void stamps_each_transaction_with_the_current_time() {
            ledger.setTime(Fixtures.T0.plusSeconds(42));

            assertThat(ledger.evaluate(BANK, "txInfo", "x").payloadAsString())
                    .contains("|" + Fixtures.T0.plusSeconds(42) + "|");
        }

        @Test
        void only_moves_forward() {
            assertThatThrownBy(() -> ledger.advance(Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
            ledger.advance(Duration.ofDays(1));
            assertThat(ledger.now()).isEqualTo(Fixtures.T0.plus(Duration.ofDays(1)));
        }
    }
}
