package org.qcchain.ledger.embedded;

import java.time.Duration;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

/**
 * Forces the ledger's H2 file to disk every {@link #INTERVAL} when H2 wrote to it since, on a
 * thread of its own, so that the pages H2 stores reach the disk soon after they are written.
 *
 * <p>Not for durability (the block file is the durable record; {@link BlockWriter}) but for the
 * latency of the block file's force. On ext4 with {@code data=ordered} a force commits the file
 * system's journal, and that first writes out the newly allocated data of every file: H2's chunks
 * written since the last commit included. Left to the block file's force, that was tens of
 * megabytes at times, and forces of a few milliseconds took 0.2 – 0.6 s, stalling every request
 * waiting for its block (docs/performance.md). Forced here as they come, H2's chunks are mostly
 * on disk by the time the next block's frame is.
 *
 * <p>While it runs, H2 may reuse the space of emptied chunks {@link #RETENTION} after they were
 * emptied instead of H2's default 45 s. H2 keeps an emptied chunk that long so that a crash of the
 * machine cannot find the file's last stored state pointing into space already overwritten: it
 * assumes the operating system writes every file's data out within that time. Here every write
 * is forced within about {@link #INTERVAL} and a force, so the shorter time leaves a wide margin;
 * and under load the file was mostly chunks younger than 45 s, so it grew about as fast as H2
 * wrote, however quickly {@link SpaceReclaimer} emptied the older ones (docs/performance.md). A
 * force failing here is logged, gives H2 its default back, and ends the thread; the ledger goes
 * on, its blocks are forced by the committer as ever.
 */
final class DatabaseFlusher implements AutoCloseable {

    /** Often enough that little gathers between forces, rarely enough to cost nothing when idle. */
    static final Duration INTERVAL = Duration.ofMillis(50);
    /**
     * How long an emptied chunk is kept while the flusher runs: 200 intervals, and ten times the
     * longest force seen here under load (~0.6 s).
     */
    static final Duration RETENTION = Duration.ofSeconds(10);
    /** H2's own retention of emptied chunks, given back when the flusher stops forcing. */
    static final Duration H2_DEFAULT_RETENTION = Duration.ofSeconds(45);

    private final MVStore store;
    private final FileStore<?> file;
    private final BackgroundLoop loop;
    private long forcedAtWrite;

    DatabaseFlusher(MVStore store) {
        this.store = store;
        this.file = store.getFileStore();
        this.forcedAtWrite = file.getWriteCount();
        this.loop = new BackgroundLoop("qcchain-ledger-flusher", INTERVAL.toNanos(), this::forceIfWritten,
                "forcing the ledger database's file failed; no longer forced between blocks");
    }

    /** Starts forcing, and shortens H2's retention of emptied chunks to {@link #RETENTION}. */
    void start() {
        store.setRetentionTime((int) RETENTION.toMillis());
        loop.start();
    }

    private long forceIfWritten() {
        long writes = file.getWriteCount();
        if (writes != forcedAtWrite && !store.isClosed()) {
            try {
                store.sync();
            } catch (RuntimeException e) {
                // no longer forced here: H2's own assumption about the operating system applies again
                store.setRetentionTime((int) H2_DEFAULT_RETENTION.toMillis());
                throw e;
            }
            forcedAtWrite = writes;
        }
        return INTERVAL.toNanos();
    }

    /** Stops the thread after its current force, if any; call before the database closes. */
    @Override
    public void close() {
        loop.close();
    }
}
