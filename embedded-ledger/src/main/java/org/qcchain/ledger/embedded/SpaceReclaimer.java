package org.qcchain.ledger.embedded;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Reclaims the space of superseded pages in the ledger's H2 file while the ledger runs, a little
 * at a time, between blocks.
 *
 * <p>H2 writes every changed page afresh when it stores, into a new chunk of its file, and frees a
 * chunk only once none of its pages is live any more (and its retention time, 45 s, has passed).
 * The ledger changes keys all over its B-trees, so most chunks keep a few live pages for a long
 * time and are never freed: the file grew by ~15 – 30 KB per transaction and held about an eighth
 * live data. H2's own housekeeping moves those last live pages into new chunks so that the old
 * ones can be freed, but it runs on H2's timed background thread, which the ledger keeps off
 * ({@link Database}: it stores while a block may be committing). This does the same step on the
 * committer's thread between blocks, where a store sees whole blocks only: when less than {@link
 * #TARGET_FILL_PERCENT} % of the chunks' bytes are live, it has H2 rewrite the live pages of the
 * sparsest chunks, up to {@link #WRITE_LIMIT_BYTES} per step and one step per interval; the next
 * store writes them, and the emptied chunks' space is reused once their retention time has
 * passed. Rewriting copies pages without changing any row, so what a crash can leave is as before:
 * H2 as of some store, and the later blocks in the block file. A step gives up after 10 ms when an
 * earlier store still holds H2's store lock; the next one tries again.
 */
final class SpaceReclaimer {

    /**
     * Rewrite while less than this share of the chunks' bytes is live. Under a sustained load the
     * steps do not keep up with it (docs/performance.md): they slow the file's growth, they do
     * not bound it.
     */
    static final int TARGET_FILL_PERCENT = 50;
    /** Live bytes moved per step at most: a step costs the committer a few milliseconds. */
    static final int WRITE_LIMIT_BYTES = 4 << 20;
    /** The least time between two steps, as H2's own housekeeping runs about once a second. */
    static final Duration INTERVAL = Duration.ofSeconds(1);

    private final long intervalNanos;
    private long lastStepNanos = System.nanoTime();

    /** @param interval the least time between two steps */
    SpaceReclaimer(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /**
     * Takes a step if the interval has passed since the last; call it on the connection that writes,
     * between its transactions and just before a store, which writes the rewritten pages.
     */
    void stepIfDue(Connection connection) throws SQLException {
        long now = System.nanoTime();
        if (now - lastStepNanos >= intervalNanos) {
            lastStepNanos = now;
            step(connection);
        }
    }

    /** Rewrites the live pages of the sparsest chunks if the file is sparse enough; whether it did. */
    static boolean step(Connection connection) throws SQLException {
        return Database.mvStore(connection).compact(TARGET_FILL_PERCENT, WRITE_LIMIT_BYTES);
    }

    /** The share of the chunks' bytes that is live, in percent. */
    static int fillPercent(Connection connection) throws SQLException {
        return Database.mvStore(connection).getFileStore().getChunksFillRate();
    }
}
