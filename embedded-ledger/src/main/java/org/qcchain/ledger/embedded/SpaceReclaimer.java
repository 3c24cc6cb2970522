package org.qcchain.ledger.embedded;

import java.time.Duration;
import org.h2.mvstore.MVStore;

/**
 * Reclaims the space of superseded pages in the ledger's H2 file while the ledger runs, on a
 * thread of its own, in small steps.
 *
 * <p>H2 writes every changed page afresh when it stores, into a new chunk of its file, and frees a
 * chunk only once none of its pages is live any more and its retention time has passed (10 s while
 * {@link DatabaseFlusher} forces the file, else H2's 45 s). The ledger changes keys all over its
 * B-trees, so most chunks keep a few live pages for a long time and are never freed: left alone,
 * the file grew by ~25 KB per data request and held about an eighth live data. A step has H2
 * rewrite the live pages of the sparsest chunks older than the retention time, up to {@link
 * #STEP_BYTES}, whenever less than {@link #TARGET_FILL_PERCENT} % of the chunks' bytes are live;
 * the committer's stores write them, and the emptied chunks' space is reused once their retention
 * time has passed.
 *
 * <p>The steps follow one another while there is work, each once the last one's pages are stored
 * and after a pause at least as long as that step took: at most half a core, and none of the
 * committer's time. (The steps were the committer's, one a second before a store, and took it
 * 25 – 110 ms each; docs/performance.md.) Rewriting copies pages without changing any row, and the
 * stores stay the committer's, between blocks: a step holds H2's store lock, so it never runs
 * during a store, and H2 starts no store of its own on a thread holding that lock. The committer's
 * store does not wait for a step: it is made at the next block instead ({@link
 * Database#tryStore}); a step that finds a store under way gives up after 10 ms and is tried
 * again. What a crash can leave is as before: H2 as of some store, and the later blocks in the
 * block file.
 *
 * <p>The thread ({@link BackgroundLoop}) is told to stop and finishes its step; a failed step is
 * logged and ends it.
 */
final class SpaceReclaimer implements AutoCloseable {

    /** Rewrite while less than this share of the chunks' bytes is live. */
    static final int TARGET_FILL_PERCENT = 50;
    /**
     * Live bytes moved per step at most: ~40 ms of work on a busy two-core machine. The committer
     * never waits for a step (a store that finds it holding the store lock is made at the next
     * block), so the steps may be as large as keeping up with the writes asks.
     */
    static final int STEP_BYTES = 4 << 20;
    /** The wait after a step that found nothing to rewrite (the file full enough, or its chunks young). */
    static final Duration IDLE_WAIT = Duration.ofMillis(100);
    /** The least pause after a step that rewrote pages. */
    private static final long MIN_PAUSE_NANOS = Duration.ofMillis(1).toNanos();
    /** How often to look whether the pages of the last step are stored (the committer stores every 100 ms). */
    private static final long STORE_POLL_NANOS = Duration.ofMillis(10).toNanos();

    private final MVStore store;
    private final BackgroundLoop loop;
    /** H2's version when the last step rewrote pages; far enough back before the first. */
    private long rewrittenAtVersion = Long.MIN_VALUE / 2;

    /** @param store the ledger's H2 store, written by the committer's connection */
    SpaceReclaimer(MVStore store) {
        this.store = store;
        this.loop = new BackgroundLoop("qcchain-ledger-reclaimer", IDLE_WAIT.toNanos(), this::stepAndPause,
                "reclaiming the ledger database's space failed; no longer reclaimed while running"
                        + " (qcchain compact reclaims it offline)");
    }

    void start() {
        loop.start();
    }

    /**
     * One step once the last one's pages are stored; then a pause as long as it took, or the idle
     * wait if it found nothing to do. Until H2 has stored the rewritten pages their old chunks
     * still count them as live, so a step before would pick the same chunks, rewrite nothing and
     * idle: the steps fell behind the writes. Each store raises H2's version, and H2 writes a
     * store's pages on a thread of its own, counting the pages they replace as it writes them; one
     * more store after that of the step's pages has them written and counted.
     */
    private long stepAndPause() {
        if (store.isClosed()) {
            return IDLE_WAIT.toNanos();
        }
        if (!lastStepStored()) {
            return STORE_POLL_NANOS;
        }
        long start = System.nanoTime();
        // the version the rewritten pages belong to: the next store, which may come at once, writes them
        long version = store.getCurrentVersion();
        if (!step(store)) {
            return IDLE_WAIT.toNanos();
        }
        rewrittenAtVersion = version;
        return Math.max(MIN_PAUSE_NANOS, System.nanoTime() - start);
    }

    /**
     * Whether the last step's pages are stored and counted: two stores later, or one if nothing
     * has changed since (a ledger at rest; its next block brings the store after that).
     */
    private boolean lastStepStored() {
        long storesSince = store.getCurrentVersion() - rewrittenAtVersion;
        return storesSince >= 2 || storesSince == 1 && !store.hasUnsavedChanges();
    }

    /** Stops the thread after its current step; call before the database closes. */
    @Override
    public void close() {
        loop.close();
    }

    /** Rewrites the live pages of the sparsest chunks if the file is sparse enough; whether it did. */
    static boolean step(MVStore store) {
        return store.compact(TARGET_FILL_PERCENT, STEP_BYTES);
    }
}
