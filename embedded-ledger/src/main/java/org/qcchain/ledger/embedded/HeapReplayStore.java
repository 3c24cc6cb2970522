package org.qcchain.ledger.embedded;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.qcchain.simulator.KeyOrder;

/** A {@link ReplayStore} on the heap: an ordered map of the keys' latest writes and a set of ids. */
final class HeapReplayStore implements ReplayStore {

    private final NavigableMap<String, ReplayState.Head> heads = new TreeMap<>(KeyOrder.COMPARATOR);
    private final Set<String> txIds = new HashSet<>();

    @Override
    public ReplayState.Head head(String key) {
        return heads.get(key);
    }

    @Override
    public ReplayState.Head write(String key, UnaryOperator<ReplayState.Head> next) {
        // one lookup for every write of the chain: compute hands over what it replaces
        ReplayState.Head[] superseded = new ReplayState.Head[1];
        heads.compute(key, (written, before) -> {
            superseded[0] = before;
            return next.apply(before);
        });
        return superseded[0];
    }

    @Override
    public Iterator<Map.Entry<String, ReplayState.Head>> from(String fromKey) {
        return heads.tailMap(fromKey, true).entrySet().iterator();
    }

    @Override
    public boolean firstSight(String txId) {
        return txIds.add(txId);
    }

    @Override
    public void close() {
        heads.clear();
        txIds.clear();
    }
}
