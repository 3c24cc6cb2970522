package org.qcchain.simulator;

import java.util.List;
import java.util.Objects;

/**
 * What one range query of a transaction saw, kept so that validation can detect phantoms: Fabric's
 * {@code RangeQueryInfo}.
 *
 * <p>The peer records the keys its iterator actually read, not all keys in the range. If the
 * iterator ran to the end, {@code exhausted} is true and {@code endKey} is the query's own end
 * (exclusive; {@code ""} for none). Otherwise {@code endKey} is the last key read and is
 * <em>inclusive</em>: the transaction depends on nothing past it.
 *
 * @param startKey the first key of the range, inclusive
 * @param endKey the query's end (exclusive) if exhausted, else the last key read (inclusive)
 * @param results every key read, with its version, in key order
 * @param exhausted whether the iterator reached the end of the range
 */
public record RangeRead(String startKey, String endKey, List<KeyVersion> results,
        boolean exhausted) {

    /** Copies the results; each must carry the version it was read at. */
    public RangeRead {
        Objects.requireNonNull(startKey, "startKey");
        Objects.requireNonNull(endKey, "endKey");
        results = List.copyOf(results);
        for (KeyVersion result : results) {
            if (result.version() == null) {
                throw new IllegalArgumentException(
                        "a range result is a key that exists, so it has a version: " + result.key());
            }
        }
    }

    /** The exclusive end to re-run this query with; {@code ""} for none. */
    String exclusiveEnd() {
        return exhausted ? endKey : KeyOrder.successor(endKey);
    }

    /** The range for messages, e.g. {@code ['a', 'c')} or {@code ['a', 'b']}. */
    String describe() {
        String end = endKey.isEmpty() && exhausted ? "end" : Keys.printable(endKey);
        return "[" + Keys.printable(startKey) + ", " + end + (exhausted ? ")" : "]");
    }
}
