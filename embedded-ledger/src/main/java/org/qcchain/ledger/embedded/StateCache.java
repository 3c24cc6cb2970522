package org.qcchain.ledger.embedded;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.qcchain.simulator.Version;
import org.qcchain.simulator.VersionedValue;
import org.qcchain.simulator.Write;

/**
 * The latest committed value of keys simulations read often, in front of H2. A data request reads
 * the same platform, organisation, dataset and agreement records as every other; each H2 read is
 * an SQL statement and two index walks, a quarter of a ledger worker's time in the node.
 *
 * <p>Every entry is the key's latest committed value, so a simulation may find a value newer than
 * its own H2 snapshot, never an older one (outside the moment between a block's H2 commit and
 * {@link #committed}); block validation then checks every read version against the committed
 * state as always, so a transaction that mixed versions is refused as an MVCC conflict, never
 * committed on a stale read. To keep every entry the latest:
 *
 * <ul>
 *   <li>the committer, the only writer, updates or removes each cached key a block wrote, and only
 *       then raises {@link #committedHeight} ({@link #committed}, under the write lock);
 *   <li>a simulation offers a value it read from H2 only if its snapshot is of that very height
 *       ({@link #offer}, under the read lock): a value from an older snapshot could be stale.
 * </ul>
 *
 * <p>Bounded: when a block leaves more than {@code capacity} entries the cache starts again empty.
 * Only keys read a second time within the last {@code admissionWindow} keys read once are taken
 * in ({@link #admits}): most keys a data request reads (the subject's consent and its use counter,
 * a nonce) are read once in a long while and would only push the hot ones out. The window is short
 * (about a fifth of a second of data requests at the default) for the same reason: with a window
 * as long as the cache, the consents of subjects who asked twice within a few seconds were taken
 * in until the cache was full and emptied again, so entries lived a few seconds — just long
 * enough to be copied by every young collection of the heap. Absent keys are not cached.
 * Thread-safe.
 */
final class StateCache {

    /**
     * The keys every data request reads are a few dozen; whatever else is taken in stays until the
     * cache is full and emptied, so a smaller cache keeps fewer values alive across a young
     * collection (16,384 cost the ledger workers no less CPU and gave ~5 ms more p99,
     * docs/performance.md).
     */
    static final int DEFAULT_CAPACITY = 4_096;
    /** Keys that every data request reads come round again within a few requests. */
    static final int DEFAULT_ADMISSION_WINDOW = 1_024;

    private final int capacity;
    private final int admissionWindow;
    private final Map<String, VersionedValue> entries = new ConcurrentHashMap<>();
    /** Keys read once from H2 and not taken in yet; emptied when it reaches {@code admissionWindow}. */
    private final Set<String> seenOnce = ConcurrentHashMap.newKeySet();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile long committedHeight;

    /**
     * @param capacity the most entries kept
     * @param admissionWindow how many keys read once are remembered, waiting for their second read
     * @param lastBlock the number of the last block committed when the ledger opened
     */
    StateCache(int capacity, int admissionWindow, long lastBlock) {
        this.capacity = capacity;
        this.admissionWindow = admissionWindow;
        this.committedHeight = lastBlock;
    }

    /** The latest committed value of {@code key}, or {@code null} if the cache does not hold it. */
    VersionedValue get(String key) {
        return entries.get(key);
    }

    /**
     * Whether a key just read from H2 is worth keeping: true the second time it is asked about
     * (since {@link #seenOnce} was last emptied). Decides admission only; {@link #offer} decides
     * whether the value may be kept.
     */
    boolean admits(String key) {
        if (seenOnce.remove(key)) {
            return true;
        }
        if (seenOnce.size() >= admissionWindow) {
            seenOnce.clear();
        }
        seenOnce.add(key);
        return false;
    }

    /**
     * Keeps a value a simulation read from H2, if its snapshot is of the latest committed block.
     *
     * @param snapshotBlock the number of the last block in the reader's snapshot
     */
    void offer(String key, VersionedValue value, long snapshotBlock) {
        lock.readLock().lock();
        try {
            if (snapshotBlock == committedHeight && entries.size() < capacity) {
                entries.putIfAbsent(key, value);
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A key's last write in a block and the version it gives the key. */
    record BlockWrite(Write write, Version version) {}

    /**
     * After block {@code blockNumber} is committed to H2: brings the cached keys it wrote up to
     * date, then makes it the height offers must be of. Committer only. Only the few cached keys
     * have their values copied.
     *
     * @param writes each key the block's valid transactions wrote, with its last write, as {@link
     *     #writesOf} makes it
     */
    void committed(long blockNumber, Map<String, BlockWrite> writes) {
        lock.writeLock().lock();
        try {
            writes.forEach((key, last) -> {
                if (entries.containsKey(key)) {
                    if (last.write().delete()) {
                        entries.remove(key);
                    } else {
                        entries.put(key, new VersionedValue(last.write().value(), last.version()));
                    }
                }
            });
            if (entries.size() >= capacity) {
                entries.clear();
            }
            committedHeight = blockNumber;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The last write of each key by the block's valid transactions, in block order. */
    static Map<String, BlockWrite> writesOf(long blockNumber, List<OrderedTransaction> txs) {
        Map<String, BlockWrite> writes = new HashMap<>();
        for (OrderedTransaction tx : txs) {
            if (!tx.isValid()) {
                continue;
            }
            Version version = new Version(blockNumber, tx.txNumber());
            tx.pending().simulation().readWriteSet().writes()
                    .forEach((key, write) -> writes.put(key, new BlockWrite(write, version)));
        }
        return writes;
    }

    /** The number of the last block whose writes the entries reflect. */
    long committedHeight() {
        return committedHeight;
    }

    /** The number of keys held. */
    int size() {
        return entries.size();
    }
}
