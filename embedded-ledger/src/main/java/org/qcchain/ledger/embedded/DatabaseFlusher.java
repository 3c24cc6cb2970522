package org.qcchain.ledger.embedded;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
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
 * on disk by the time the next block's frame is. A force failing here is logged and ends the
 * thread; the ledger goes on, its blocks are forced by the committer as ever.
 */
final class DatabaseFlusher implements AutoCloseable {

    private static final Logger LOGGER = Logger.getLogger(DatabaseFlusher.class.getName());
    /** Often enough that little gathers between forces, rarely enough to cost nothing when idle. */
    static final Duration INTERVAL = Duration.ofMillis(50);

    private final MVStore store;
    private final Thread thread;
    private volatile boolean running = true;

    DatabaseFlusher(MVStore store) {
        this.store = store;
        this.thread = new Thread(this::run, "qcchain-ledger-flusher");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        FileStore<?> file = store.getFileStore();
        long forcedAtWrite = file.getWriteCount();
        try {
            while (running) {
                Thread.sleep(INTERVAL.toMillis());
                long writes = file.getWriteCount();
                if (writes != forcedAtWrite && running && !store.isClosed()) {
                    store.sync();
                    forcedAtWrite = writes;
                }
            }
        } catch (InterruptedException e) {
            // closing
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "forcing the ledger database's file failed; no longer forced between"
                    + " blocks: " + e.getMessage(), e);
        }
    }

    /** Stops the thread; call before the database closes. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
