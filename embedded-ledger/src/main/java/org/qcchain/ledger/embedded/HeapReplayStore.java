package org.qcchain.ledger.embedded;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.qcchain.simulator.KeyOrder;

/**
 * A {@link ReplayStore} on the heap: a hash map of the keys' latest writes and a set of ids.
 *
 * <p>Why a hash map and no ordered map: the replay looks up and writes every key of every
 * transaction, and needs the keys in order only for the comparison with the state table at the
 * end and for range reads, which a chaincode's update transactions rarely make (Fabric allows no
 * paginated range in them). A red-black tree of ~400,000 keys spent ~30 % of the replay's thread
 * in its lookups and rebalancing. The keys are sorted once at the end; the first range read, if
 * any, builds an ordered set of the keys, which every new key then joins.
 */
final class HeapReplayStore implements ReplayStore {

    private final Map<String, ReplayState.Head> heads;
    private final Set<String> txIds;
    /** Every key in key order, once a range read asked for it; null until then. */
    private NavigableSet<String> ordered;

    /**
     * @param expectedKeys how many keys the ledger holds, and {@code expectedTransactions} how many
     *     transactions: estimates, so that the map and the set are sized once
     */
    HeapReplayStore(long expectedKeys, long expectedTransactions) {
        this.heads = new HashMap<>(capacity(expectedKeys));
        this.txIds = new HashSet<>(capacity(expectedTransactions));
    }

    @Override
    public ReplayState.Head head(String key) {
        return heads.get(key);
    }

    @Override
    public ReplayState.Head write(String key, UnaryOperator<ReplayState.Head> next) {
        ReplayState.Head[] superseded = new ReplayState.Head[1];
        // one lookup for every write of the chain: compute hands over what it replaces
        heads.compute(key, (written, before) -> {
            superseded[0] = before;
            return Objects.requireNonNull(next.apply(before), "a replayed write");
        });
        if (superseded[0] == null && ordered != null) {
            ordered.add(key);
        }
        return superseded[0];
    }

    @Override
    public Iterator<Map.Entry<String, ReplayState.Head>> from(String fromKey) {
        if (ordered == null) {
            ordered = new TreeSet<>(KeyOrder.COMPARATOR);
            ordered.addAll(heads.keySet());
        }
        return withHeads(ordered.tailSet(fromKey, true).iterator());
    }

    @Override
    public Iterator<Map.Entry<String, ReplayState.Head>> inKeyOrder() {
        if (ordered != null) {
            return from("");
        }
        String[] keys = heads.keySet().toArray(String[]::new);
        KeyOrder.sort(keys);
        return withHeads(Arrays.asList(keys).iterator());
    }

    @Override
    public boolean firstSight(String txId) {
        return txIds.add(txId);
    }

    @Override
    public void close() {
        heads.clear();
        txIds.clear();
        ordered = null;
    }

    private Iterator<Map.Entry<String, ReplayState.Head>> withHeads(Iterator<String> keys) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return keys.hasNext();
            }

            @Override
            public Map.Entry<String, ReplayState.Head> next() {
                String key = keys.next();
                return new AbstractMap.SimpleImmutableEntry<>(key, heads.get(key));
            }
        };
    }

    /** A hash map's capacity for {@code entries} at its load factor, within an array's bounds. */
    private static int capacity(long entries) {
        return (int) Math.min(entries * 4 / 3 + 16, 1 << 30);
    }
}
