package org.qcchain.ledger.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A Bloom filter over every transaction id stored in the {@code transactions} table, in front of
 * the database lookup of the duplicate check. It never forgets an id, so "not here" is exact and
 * the lookup is skipped; "maybe here" (a stored id, or a false positive, about 1 %) still asks the
 * database. It only saves work: the answer of the duplicate check is the database's.
 *
 * <p>Filled from the table when the ledger opens; afterwards the committer thread, the only writer,
 * adds a block's ids right after its database commit and before it completes any submitter or
 * releases an id from the in-flight set. A worker that claims an id in the in-flight set after
 * the committer released it therefore finds it here (the volatile writes of {@link
 * AtomicLongArray} happen before the release).
 *
 * <p>Segments of 2^20, 2^21, ... ids (10 bits and 7 probes per id): about 1.2 bytes per stored id
 * in all; a new, twice as large segment starts when the last is full, so the false-positive rate
 * stays near 1 % per segment however long the ledger gets.
 */
final class CommittedIds {

    private static final int PROBES = 7;
    private static final int BITS_PER_ID = 10;
    private static final long FIRST_CAPACITY = 1L << 20;

    private final CopyOnWriteArrayList<Segment> segments = new CopyOnWriteArrayList<>();

    private CommittedIds() {
        segments.add(new Segment(FIRST_CAPACITY));
    }

    /** An empty filter (a new ledger). */
    static CommittedIds empty() {
        return new CommittedIds();
    }

    /** A filter holding every id in the {@code transactions} table. */
    static CommittedIds load(Connection connection) throws SQLException {
        CommittedIds ids = new CommittedIds();
        try (PreparedStatement select = connection.prepareStatement("SELECT tx_id FROM transactions");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                ids.add(row.getString(1));
            }
        }
        return ids;
    }

    /** False only if {@code txId} was never added: then it is not in the table. */
    boolean mightContain(String txId) {
        long h1 = hash(txId, 0x9E3779B97F4A7C15L);
        long h2 = hash(txId, 0xC2B2AE3D27D4EB4FL) | 1;
        for (Segment segment : segments) {
            if (segment.mightContain(h1, h2)) {
                return true;
            }
        }
        return false;
    }

    /** Adds an id just stored; committer thread (or opening) only. */
    void add(String txId) {
        Segment last = segments.get(segments.size() - 1);
        if (last.count.get() >= last.capacity) {
            last = new Segment(last.capacity * 2);
            segments.add(last);
        }
        last.add(hash(txId, 0x9E3779B97F4A7C15L), hash(txId, 0xC2B2AE3D27D4EB4FL) | 1);
    }

    /** A 64-bit hash of the id's characters (any string; ids are hex, but a stored one may be anything). */
    private static long hash(String s, long seed) {
        long h = seed ^ s.length();
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001B3L;
            h ^= h >>> 29;
        }
        // final avalanche (SplitMix64)
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }

    private static final class Segment {
        private final long capacity;
        private final long bits;
        private final AtomicLongArray words;
        private final AtomicLong count = new AtomicLong();

        Segment(long capacity) {
            this.capacity = capacity;
            long wordCount = capacity * BITS_PER_ID / 64;
            if (wordCount > Integer.MAX_VALUE) {
                throw new IllegalStateException("transaction id filter segment too large");
            }
            this.words = new AtomicLongArray((int) wordCount);
            this.bits = wordCount * 64;
        }

        boolean mightContain(long h1, long h2) {
            for (int i = 0; i < PROBES; i++) {
                long bit = Math.floorMod(h1 + i * h2, bits);
                if ((words.get((int) (bit >>> 6)) & (1L << bit)) == 0) {
                    return false;
                }
            }
            return true;
        }

        void add(long h1, long h2) {
            for (int i = 0; i < PROBES; i++) {
                long bit = Math.floorMod(h1 + i * h2, bits);
                int word = (int) (bit >>> 6);
                long mask = 1L << bit;
                long current = words.get(word);
                while ((current & mask) == 0 && !words.compareAndSet(word, current, current | mask)) {
                    current = words.get(word);
                }
            }
            count.incrementAndGet();
        }
    }
}
