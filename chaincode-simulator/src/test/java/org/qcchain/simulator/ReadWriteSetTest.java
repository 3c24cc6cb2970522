package org.qcchain.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qcchain.simulator.Fixtures.commit;
import static org.qcchain.simulator.Fixtures.delete;
import static org.qcchain.simulator.Fixtures.utf8;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReadWriteSetTest {

    private final InMemoryStateStore state = new InMemoryStateStore();

    @Nested
    class FindConflict {

        @Test
        void passes_when_only_unrelated_keys_changed() {
            commit(state, 1, "read", "1", "inRange1", "1", "other", "1");
            ReadWriteSet rwset = simulate(stub -> {
                stub.getState("read");
                stub.getState("absent");
                drain(stub.getStateByRange("inRange", "inRangf"));
                stub.putStringState("written", "x");
            });
            commit(state, 2, "other", "2", "written", "by someone else");

            assertThat(rwset.findConflict(state)).isEmpty();
        }

        @Test
        void detects_a_changed_read_version() {
            commit(state, 1, "k", "1");
            ReadWriteSet rwset = simulate(stub -> stub.getState("k"));
            commit(state, 2, "k", "2");

            assertThat(rwset.findConflict(state)).hasValueSatisfying(message -> assertThat(message)
                    .startsWith("MVCC_READ_CONFLICT")
                    .contains("'k'", "block 1 tx 0", "block 2 tx 0"));
        }

        @Test
        void detects_a_created_key_that_was_read_absent() {
            ReadWriteSet rwset = simulate(stub -> stub.getState("k"));
            commit(state, 2, "k", "new");

            assertThat(rwset.findConflict(state)).hasValueSatisfying(message -> assertThat(message)
                    .startsWith("MVCC_READ_CONFLICT").contains("'k'", "absent"));
        }

        @Test
        void detects_a_deleted_key() {
            commit(state, 1, "k", "1");
            ReadWriteSet rwset = simulate(stub -> stub.getState("k"));
            delete(state, 2, "k");

            assertThat(rwset.findConflict(state)).hasValueSatisfying(message -> assertThat(message)
                    .startsWith("MVCC_READ_CONFLICT").contains("'k'", "now absent"));
        }

        @Test
        void detects_a_phantom_created_in_a_range() {
            commit(state, 1, "a1", "1", "a3", "3");
            ReadWriteSet rwset = simulate(stub -> drain(stub.getStateByRange("a", "b")));
            commit(state, 2, "a2", "2");

            assertThat(rwset.findConflict(state)).hasValueSatisfying(message -> assertThat(message)
                    .startsWith("PHANTOM_READ_CONFLICT").contains("'a2' was created"));
        }

        @Test
        void detects_a_key_deleted_from_a_range() {
            commit(state, 1, "a1", "1", "a2", "2");
            ReadWriteSet rwset = simulate(stub -> drain(stub.getStateByRange("a", "b")));
            delete(state, 2, "a2");

            assertThat(rwset.findConflict(state)).hasValueSatisfying(message -> assertThat(message)
                    .startsWith("PHANTOM_READ_CONFLICT").contains("'a2' no longer exists"));
        }

        @Test
        void detects_a_key_changed_in_a_range() {
            commit(state, 1, "a1", "1");
            ReadWriteSet rwset = simulate(stub -> drain(stub.getStateByRange("a", "b")));
            commit(state, 2, "a1", "changed");

            assertThat(rwset.findConflict(state)).hasValueSatisfying(message -> assertThat(message)
                    .startsWith("PHANTOM_READ_CONFLICT").contains("'a1' was read at block 1 tx 0"));
        }

        @Test
        void ignores_keys_past_the_last_one_read_by_an_unfinished_range() {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                keys.add(String.format("k%03d", i));
                commit(state, 1, keys.get(i), "v");
            }
            ReadWriteSet rwset = simulate(stub -> stub.getStateByRange("k", "l").iterator().next());
            commit(state, 2, "k149", "changed", "k149a", "created");

            assertThat(rwset.findConflict(state)).isEmpty();

            commit(state, 3, "k050", "changed");
            assertThat(rwset.findConflict(state)).isPresent();
        }
    }

    @Nested
    class Encoding {

        @Test
        void round_trips_through_fabrics_kv_rw_set() throws Exception {
            commit(state, 1, "a1", "1", "k", "v");
            ReadWriteSet rwset = simulate(stub -> {
                stub.getState("k");
                stub.getState("absent");
                drain(stub.getStateByRange("a", "b"));
                stub.putStringState("k", "new");
                stub.delState("gone");
            });

            KVRWSet proto = KVRWSet.parseFrom(rwset.toProto().toByteArray());

            assertThat(ReadWriteSet.fromProto(proto)).isEqualTo(rwset);
            assertThat(proto.getReads(0).getKey()).isEqualTo("absent");
            assertThat(proto.getReads(0).hasVersion()).isFalse();
            assertThat(proto.getWrites(0).getIsDelete()).isTrue();
            assertThat(proto.getRangeQueriesInfo(0).getItrExhausted()).isTrue();
        }

        @Test
        void reads_a_write_of_an_empty_value_as_a_delete() {
            KVRWSet proto = KVRWSet.newBuilder()
                    .addWrites(org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite.newBuilder()
                            .setKey("k"))
                    .build();

            assertThat(ReadWriteSet.fromProto(proto).writes()).containsEntry("k", Write.deletion());
        }
    }

    @Test
    void writes_carry_a_value_exactly_when_they_are_not_deletions() {
        assertThat(Write.of(new byte[0])).isEqualTo(Write.deletion());
        assertThatThrownBy(() -> new Write(new byte[0], false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Write(utf8("x"), true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void is_immutable() {
        ReadWriteSet rwset = simulate(stub -> stub.putStringState("k", "v"));

        assertThatThrownBy(() -> rwset.writes().put("x", Write.deletion()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> rwset.reads().put("x", null))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(ReadWriteSet.of(Map.of(), List.of(), Map.of(), false))
                .isEqualTo(ReadWriteSet.empty());
    }

    private ReadWriteSet simulate(Consumer<SimulatedStub> transaction) {
        SimulatedStub stub = new SimulatedStub(Fixtures.proposal("test"), state, null);
        transaction.accept(stub);
        return stub.readWriteSet();
    }

    private static void drain(QueryResultsIterator<KeyValue> results) {
        try (results) {
            results.forEach(kv -> { });
        }
    }
}
