package org.qcchain.ledger.embedded;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A daemon thread that runs a round of work, waits as long as the round asks, and goes on until
 * it is closed or a round fails (logged; the thread ends). For the ledger's housekeeping of its H2
 * file ({@link DatabaseFlusher}, {@link SpaceReclaimer}): such a thread is told to stop and never
 * interrupted, because an interrupt during H2's file I/O closes H2's file channel under it.
 */
final class BackgroundLoop implements AutoCloseable {

    private static final Logger LOGGER = Logger.getLogger(BackgroundLoop.class.getName());

    private final Thread thread;
    private final CountDownLatch stop = new CountDownLatch(1);

    /**
     * @param name the thread's name
     * @param firstWaitNanos the wait before the first round
     * @param round one round of work; returns the wait before the next, in nanoseconds
     * @param failure what a failed round means for the ledger, logged with the failure
     */
    BackgroundLoop(String name, long firstWaitNanos, LongSupplier round, String failure) {
        this.thread = new Thread(() -> run(firstWaitNanos, round, failure), name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run(long firstWaitNanos, LongSupplier round, String failure) {
        try {
            long wait = firstWaitNanos;
            while (!stop.await(wait, TimeUnit.NANOSECONDS)) {
                wait = round.getAsLong();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, failure + ": " + e.getMessage(), e);
        }
    }

    /** Stops the thread after its current round, if one is under way; call before the database closes. */
    @Override
    public void close() {
        stop.countDown();
        Joins.uninterruptibly(thread);
    }
}
