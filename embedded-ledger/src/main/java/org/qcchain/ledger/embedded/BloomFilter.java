package org.qcchain.ledger.embedded;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A Bloom filter over strings that grows with what it holds and never forgets: "not here" is
 * exact, "maybe here" is wrong for about 1 % of the strings never added. The ledger keeps one over
 * the stored transaction ids ({@link CommittedIds}) and one over the stored state keys ({@link
 * StoredKeys}), so that the common case, an id or key never stored, needs no database lookup.
 *
 * <p>Segments of 2^20, 2^21, ... strings (10 bits and 7 probes per string): about 1.2 bytes per
 * string in all; a new, twice as large segment starts when the last is full, so the
 * false-positive rate stays near 1 % per segment however many strings are added.
 *
 * <p>Thread-safe: adding sets bits with compare-and-set, and the volatile writes of {@link
 * AtomicLongArray} happen before whatever the adding thread does next, so a reader that learns of
 * that later (through any other synchronisation, such as a database commit) sees the bits. A
 * segment may take a few more strings than its capacity when adders race; that only nudges its
 * false-positive rate.
 */
final class BloomFilter {

    private static final int PROBES = 7;
    private static final int BITS_PER_STRING = 10;
    private static final long FIRST_CAPACITY = 1L << 20;

    private final CopyOnWriteArrayList<Segment> segments = new CopyOnWriteArrayList<>();

    BloomFilter() {
        segments.add(new Segment(FIRST_CAPACITY));
    }

    /** False only if {@code s} was never added. */
    boolean mightContain(String s) {
        long h1 = hash(s, 0x9E3779B97F4A7C15L);
        long h2 = hash(s, 0xC2B2AE3D27D4EB4FL) | 1;
        for (Segment segment : segments) {
            if (segment.mightContain(h1, h2)) {
                return true;
            }
        }
        return false;
    }

    /** Adds a string; any thread. */
    void add(String s) {
        Segment last = segments.get(segments.size() - 1);
        if (last.count.get() >= last.capacity) {
            last = grow(last);
        }
        last.add(hash(s, 0x9E3779B97F4A7C15L), hash(s, 0xC2B2AE3D27D4EB4FL) | 1);
    }

    /** A new, twice as large segment, unless another adder started one after {@code full}. */
    private synchronized Segment grow(Segment full) {
        Segment last = segments.get(segments.size() - 1);
        if (last == full) {
            last = new Segment(full.capacity * 2);
            segments.add(last);
        }
        return last;
    }

    /** A 64-bit hash of the string's characters. */
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
            long wordCount = capacity * BITS_PER_STRING / 64;
            if (wordCount > Integer.MAX_VALUE) {
                throw new IllegalStateException("Bloom filter segment too large");
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
