package org.qcchain.ledger.embedded;

import java.util.Iterator;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What a verification's replay must remember across the whole chain: each key's latest write
 * ({@link ReplayState.Head}), in key order, and every transaction id met. Both grow with the
 * ledger, so where they are kept decides how large a ledger can be verified: on the heap ({@link
 * HeapReplayStore}, fastest, ~500–600 bytes per key) or in a temporary file of the ledger's folder
 * ({@link FileReplayStore}, a bounded cache on the heap whatever the ledger's size). {@link
 * LedgerVerifier} chooses from the ledger's size and the heap free.
 */
interface ReplayStore extends AutoCloseable {

    /** @return the key's latest write, or null if no valid transaction wrote it */
    ReplayState.Head head(String key);

    /**
     * Makes a new write the key's latest.
     *
     * @param next the new latest write, made from the one it supersedes (null when none)
     * @return the write superseded, or null when the key was never written
     */
    ReplayState.Head write(String key, UnaryOperator<ReplayState.Head> next);

    /** @return the keys from {@code fromKey} on (inclusive; "" for all), with their latest writes, in key order */
    Iterator<Map.Entry<String, ReplayState.Head>> from(String fromKey);

    /**
     * @return every key with its latest write, in key order, for the comparison with the state
     *     table once the chain is replayed; nothing is written while it is read
     */
    default Iterator<Map.Entry<String, ReplayState.Head>> inKeyOrder() {
        return from("");
    }

    /** Notes a transaction id; false if it was noted before (a duplicate of an earlier transaction). */
    boolean firstSight(String txId);

    /** Frees what the store holds; a file store deletes its file. */
    @Override
    void close();
}
