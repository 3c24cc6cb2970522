package org.qcchain.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The peer's side of one range query: its state iterator, which records every key it reads
 * (Fabric's {@code resultsItr}), and the batching of results to the shim (Fabric's {@code
 * QueryResponseGenerator}).
 *
 * <p>The peer answers a range query with at most {@value SimulatedStub#QUERY_BATCH_SIZE} results
 * and reads one more to know whether more follow; the shim asks for the next batch only when the
 * chaincode iterates past the current one. So a transaction that stops early depends only on the
 * keys the peer read, and the recorded {@link RangeRead} ends at the last of them. After {@value
 * SimulatedStub#TOTAL_QUERY_LIMIT} results the peer stops, silently, as Fabric's {@code
 * totalQueryLimit} does.
 */
final class RangeScan {

    /** One response of the peer to the shim. */
    record Batch(List<VersionedKeyValue> results, boolean hasMore) {}

    private static final int STORE_CHUNK = SimulatedStub.QUERY_BATCH_SIZE + 1;

    private final StateStore state;
    private final String startKey;
    private final String endKey;
    private final List<KeyVersion> read = new ArrayList<>();
    private final Deque<VersionedKeyValue> fetched = new ArrayDeque<>();
    private String lastFetchedKey;
    private boolean storeDone;
    private boolean exhausted;
    private VersionedKeyValue pending;
    private int returned;

    RangeScan(StateStore state, String startKey, String endKey) {
        this.state = state;
        this.startKey = startKey;
        this.endKey = endKey;
    }

    /** The next batch of results, reading from the state as the peer does. */
    Batch nextBatch() {
        List<VersionedKeyValue> batch = new ArrayList<>();
        if (pending != null) {
            batch.add(pending);
            pending = null;
        }
        while (returned < SimulatedStub.TOTAL_QUERY_LIMIT) {
            VersionedKeyValue next = readNext();
            if (next == null) {
                break;
            }
            returned++;
            if (batch.size() == SimulatedStub.QUERY_BATCH_SIZE) {
                pending = next;
                return new Batch(batch, true);
            }
            batch.add(next);
        }
        return new Batch(batch, false);
    }

    /** What the transaction depends on: the keys read and the span they cover. */
    RangeRead toRangeRead() {
        String end = exhausted || read.isEmpty() ? endKey : read.get(read.size() - 1).key();
        return new RangeRead(startKey, end, read, exhausted || read.isEmpty());
    }

    /** The peer iterator's {@code Next}: one key, recorded; {@code null} at the end. */
    private VersionedKeyValue readNext() {
        if (fetched.isEmpty() && !storeDone) {
            fetchChunk();
        }
        VersionedKeyValue next = fetched.poll();
        if (next == null) {
            exhausted = true;
            return null;
        }
        read.add(new KeyVersion(next.key(), next.version()));
        return next;
    }

    private void fetchChunk() {
        String from = lastFetchedKey == null ? startKey : KeyOrder.successor(lastFetchedKey);
        List<VersionedKeyValue> chunk = state.range(from, endKey, STORE_CHUNK);
        fetched.addAll(chunk);
        storeDone = chunk.size() < STORE_CHUNK;
        if (!chunk.isEmpty()) {
            lastFetchedKey = chunk.get(chunk.size() - 1).key();
        }
    }
}
