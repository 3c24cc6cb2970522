package org.qcchain.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qcchain.simulator.Fixtures.commit;
import static org.qcchain.simulator.Fixtures.utf8;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.contract.ContractRuntimeException;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SimulatedStubTest {

    private static final String EMOJI = new String(Character.toChars(0x1F600));

    private final InMemoryStateStore state = new InMemoryStateStore();
    private final SimulatedStub stub =
            new SimulatedStub(Fixtures.proposal("test", "p1", "p2"), state, Fixtures.PEER_MSP);

    @Nested
    class Reads {

        @Test
        void a_missing_key_reads_as_an_empty_array_and_is_recorded_absent() {
            assertThat(stub.getState("missing")).isNotNull().isEmpty();
            assertThat(stub.getStringState("missing")).isEmpty();

            assertThat(stub.readWriteSet().reads()).containsEntry("missing", null);
        }

        @Test
        void a_present_key_records_the_version_read() {
            commit(state, 4, "k", "v");

            assertThat(stub.getState("k")).isEqualTo(utf8("v"));
            assertThat(stub.readWriteSet().reads()).containsEntry("k", new Version(4, 0));
        }

        @Test
        void a_transaction_does_not_read_its_own_writes() {
            commit(state, 1, "k", "committed");
            stub.putStringState("k", "mine");
            stub.putStringState("new", "mine");

            assertThat(stub.getStringState("k")).isEqualTo("committed");
            assertThat(stub.getState("new")).isEmpty();
        }

        @Test
        void a_key_read_twice_keeps_the_first_version_seen() {
            commit(state, 1, "k", "v1");
            stub.getState("k");
            commit(state, 2, "k", "v2");
            stub.getState("k");

            assertThat(stub.readWriteSet().reads()).containsEntry("k", new Version(1, 0));
        }

        @Test
        void rejects_a_key_with_an_unpaired_surrogate() {
            assertThatThrownBy(() -> stub.getState("bad\ud800"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unpaired surrogate");
        }
    }

    @Nested
    class Writes {

        @Test
        void the_last_write_of_a_key_wins() {
            stub.putStringState("k", "first");
            stub.putStringState("k", "second");

            assertThat(stub.readWriteSet().writes()).containsExactly(
                    Map.entry("k", Write.of(utf8("second"))));
        }

        @Test
        void writing_an_empty_value_is_a_delete() {
            stub.putState("k", new byte[0]);

            assertThat(stub.readWriteSet().writes()).containsExactly(Map.entry("k", Write.deletion()));
        }

        @Test
        void del_state_records_a_delete() {
            stub.delState("k");

            assertThat(stub.readWriteSet().writes().get("k").delete()).isTrue();
        }

        @Test
        void put_state_rejects_a_missing_key_or_value() {
            assertThatThrownBy(() -> stub.putState(null, utf8("v")))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> stub.putState("", utf8("v")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("empty");
            assertThatThrownBy(() -> stub.putState("k", null))
                    .isInstanceOf(NullPointerException.class);
        }

        @Test
        void writes_are_not_visible_in_the_state() {
            stub.putStringState("k", "v");

            assertThat(state.get("k")).isEmpty();
        }
    }

    @Nested
    class RangeQueries {

        @Test
        void orders_keys_by_code_point_including_supplementary_characters() {
            commit(state, 1, "b" + EMOJI, "1", "b\uFFFD", "2", "b\uE000", "3", "bz", "4");

            assertThat(keys(stub.getStateByRange("b", "c")))
                    .containsExactly("bz", "b\uE000", "b\uFFFD", "b" + EMOJI);
        }

        @Test
        void an_empty_start_skips_composite_keys() {
            commit(state, 1, "a", "1", new CompositeKey("asset", "1").toString(), "2");

            assertThat(keys(stub.getStateByRange("", ""))).containsExactly("a");
            assertThat(stub.readWriteSet().rangeReads()).containsExactly(new RangeRead(
                    SimulatedStub.UNSPECIFIED_START_KEY, "", List.of(new KeyVersion("a", new Version(1, 0))),
                    true));
        }

        @Test
        void rejects_a_composite_key_as_bound() {
            String composite = new CompositeKey("asset", "1").toString();

            assertThatThrownBy(() -> stub.getStateByRange(composite, ""))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not allowed");
        }

        @Test
        void records_only_the_keys_the_peer_read_when_the_iteration_stops_early() {
            List<String> keys = commitNumbered(250);
            try (QueryResultsIterator<KeyValue> results = stub.getStateByRange("", "")) {
                Iterator<KeyValue> cursor = results.iterator();
                cursor.next();
                cursor.next();
            }

            RangeRead range = stub.readWriteSet().rangeReads().get(0);
            assertThat(range.exhausted()).isFalse();
            assertThat(range.results()).hasSize(SimulatedStub.QUERY_BATCH_SIZE + 1);
            assertThat(range.endKey()).isEqualTo(keys.get(SimulatedStub.QUERY_BATCH_SIZE));
        }

        @Test
        void records_every_key_and_the_end_when_the_iteration_completes() {
            List<String> keys = commitNumbered(250);

            assertThat(keys(stub.getStateByRange("key", "kez"))).isEqualTo(keys);
            RangeRead range = stub.readWriteSet().rangeReads().get(0);
            assertThat(range.exhausted()).isTrue();
            assertThat(range.endKey()).isEqualTo("kez");
            assertThat(range.results()).hasSize(250);
        }

        @Test
        void the_same_range_read_twice_is_recorded_once() {
            commit(state, 1, "a", "1");
            keys(stub.getStateByRange("a", "b"));
            keys(stub.getStateByRange("a", "b"));

            assertThat(stub.readWriteSet().rangeReads()).hasSize(1);
        }
    }

    @Nested
    class PartialCompositeKeys {

        @Test
        void cover_every_key_under_the_prefix_up_to_the_highest_code_point() {
            commitComposite("asset", "a");
            commitComposite("asset", "\uFFFD");
            commitComposite("asset", EMOJI);
            commitComposite("assetX", "a");
            commitComposite("other", "a");

            List<String> found = new ArrayList<>();
            stub.getStateByPartialCompositeKey("asset").forEach(kv ->
                    found.add(stub.splitCompositeKey(kv.getKey()).getAttributes().get(0)));

            assertThat(found).containsExactly("a", "\uFFFD", EMOJI);
        }

        @Test
        void record_the_prefix_range() {
            commitComposite("asset", "a");
            keys(stub.getStateByPartialCompositeKey("asset", "a"));

            String prefix = new CompositeKey("asset", "a").toString();
            RangeRead range = stub.readWriteSet().rangeReads().get(0);
            assertThat(range.startKey()).isEqualTo(prefix);
            assertThat(range.endKey()).isEqualTo(prefix + SimulatedStub.MAX_UNICODE_RUNE);
        }

        private void commitComposite(String objectType, String attribute) {
            commit(state, 1, new CompositeKey(objectType, attribute).toString(), "v");
        }
    }

    @Nested
    class Pagination {

        @Test
        void pages_through_every_key_with_bookmarks() {
            List<String> keys = commitNumbered(7);
            List<String> seen = new ArrayList<>();
            List<Integer> pageSizes = new ArrayList<>();
            String bookmark = "";
            do {
                try (QueryResultsIteratorWithMetadata<KeyValue> page =
                        stub.getStateByRangeWithPagination("", "", 3, bookmark)) {
                    page.forEach(kv -> seen.add(kv.getKey()));
                    pageSizes.add(page.getMetadata().getFetchedRecordsCount());
                    bookmark = page.getMetadata().getBookmark();
                }
            } while (!bookmark.isEmpty());

            assertThat(seen).isEqualTo(keys);
            assertThat(pageSizes).containsExactly(3, 3, 1);
        }

        @Test
        void the_bookmark_is_the_key_of_the_next_record() {
            List<String> keys = commitNumbered(5);

            try (QueryResultsIteratorWithMetadata<KeyValue> page =
                    stub.getStateByRangeWithPagination("", "", 2, "")) {
                assertThat(page.getMetadata().getBookmark()).isEqualTo(keys.get(2));
            }
        }

        @Test
        void is_reported_and_records_no_range_read() {
            commitNumbered(3);
            keys(stub.getStateByRangeWithPagination("", "", 2, ""));

            assertThat(stub.readWriteSet().hasPaginatedQuery()).isTrue();
            assertThat(stub.readWriteSet().rangeReads()).isEmpty();
        }

        @Test
        void pages_partial_composite_keys() {
            for (String attribute : List.of("a", "b", "c")) {
                commit(state, 1, new CompositeKey("asset", attribute).toString(), "v");
            }

            try (QueryResultsIteratorWithMetadata<KeyValue> page = stub
                    .getStateByPartialCompositeKeyWithPagination(new CompositeKey("asset"), 2, "")) {
                assertThat(page.getMetadata().getFetchedRecordsCount()).isEqualTo(2);
                assertThat(page.getMetadata().getBookmark())
                        .isEqualTo(new CompositeKey("asset", "c").toString());
            }
        }

        @Test
        void refuses_a_write_after_a_paginated_query() {
            keys(stub.getStateByRangeWithPagination("", "", 2, ""));

            assertThatThrownBy(() -> stub.putStringState("k", "v"))
                    .isInstanceOf(ContractRuntimeException.class)
                    .hasMessageContaining("Writes are not allowed");
        }

        @Test
        void refuses_a_paginated_query_after_a_write() {
            stub.delState("k");

            assertThatThrownBy(() -> stub.getStateByRangeWithPagination("", "", 2, ""))
                    .isInstanceOf(ContractRuntimeException.class)
                    .hasMessageContaining("read-only transaction");
        }

        @Test
        void requires_a_positive_page_size() {
            assertThatThrownBy(() -> stub.getStateByRangeWithPagination("", "", 0, ""))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("pageSize");
        }
    }

    @Nested
    class HistoryAndEvents {

        @Test
        void history_is_newest_first_with_deletions_and_is_not_a_read() {
            commit(state, 1, "k", "v1");
            commit(state, 2, "k", "v2");
            Fixtures.delete(state, 3, "k");

            List<String> history = new ArrayList<>();
            for (KeyModification modification : stub.getHistoryForKey("k")) {
                history.add(modification.getTxId() + "=" + modification.getStringValue() + ":"
                        + modification.isDeleted() + "@" + modification.getTimestamp().getEpochSecond());
            }

            long t0 = Fixtures.T0.getEpochSecond();
            assertThat(history).containsExactly("tx3=:true@" + (t0 + 3), "tx2=v2:false@" + (t0 + 2),
                    "tx1=v1:false@" + (t0 + 1));
            assertThat(stub.readWriteSet().reads()).isEmpty();
        }

        @Test
        void the_last_event_set_wins() {
            stub.setEvent("First", utf8("1"));
            stub.setEvent("Second", null);

            assertThat(stub.getEvent().getEventName()).isEqualTo("Second");
            assertThat(stub.getEvent().getPayload().isEmpty()).isTrue();
        }

        @Test
        void an_event_needs_a_name() {
            assertThatThrownBy(() -> stub.setEvent(" ", utf8("1")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(stub.getEvent()).isNull();
        }
    }

    @Nested
    class ProposalParts {

        @Test
        void exposes_the_proposal() {
            assertThat(stub.getFunction()).isEqualTo("test");
            assertThat(stub.getParameters()).containsExactly("p1", "p2");
            assertThat(stub.getStringArgs()).containsExactly("test", "p1", "p2");
            assertThat(stub.getChannelId()).isEqualTo(Fixtures.CHANNEL);
            assertThat(stub.getTxTimestamp()).isEqualTo(Fixtures.T0);
            assertThat(stub.getCreator()).isEqualTo(TestIdentity.BANK.creator());
            assertThat(stub.getMspId()).isEqualTo(Fixtures.PEER_MSP);
            assertThat(stub.getBinding()).isNull();
        }

        @Test
        void without_a_peer_msp_id_get_msp_id_fails_as_the_shim_does() {
            SimulatedStub noPeer = new SimulatedStub(Fixtures.proposal("test"), state, null);

            assertThatThrownBy(noPeer::getMspId)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("CORE_PEER_LOCALMSPID");
        }
    }

    @Test
    void features_not_simulated_say_so() {
        assertThatThrownBy(() -> stub.getQueryResult("{}"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("not simulated");
        assertThatThrownBy(() -> stub.getPrivateData("collection", "k"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> stub.invokeChaincodeWithStringArgs("other", "f"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(stub::getSignedProposal)
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refuses_use_after_the_transaction_completed() {
        commitNumbered(150);
        QueryResultsIterator<KeyValue> open = stub.getStateByRange("", "");
        stub.complete();

        assertThatThrownBy(() -> stub.getState("k")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> keys(open)).isInstanceOf(IllegalStateException.class);
    }

    private List<String> commitNumbered(int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = String.format("key%04d", i);
            keys.add(key);
            commit(state, 1, key, "v" + i);
        }
        return keys;
    }

    private static List<String> keys(Iterable<KeyValue> results) {
        List<String> keys = new ArrayList<>();
        results.forEach(kv -> keys.add(kv.getKey()));
        return keys;
    }
}
