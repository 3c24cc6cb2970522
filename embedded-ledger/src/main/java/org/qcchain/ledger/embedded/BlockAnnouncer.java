package org.qcchain.ledger.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last step of committing a block, on a thread of its own: completes the block's submitters
 * and tells the listeners, block after block in commit order. The committer hands a block over
 * once it is durable (its frame forced to the block file) and committed to H2, and goes on with
 * the next block: what submitters and listeners do with the news (their callbacks run here) does
 * not stall the ledger's one serial thread.
 */
final class BlockAnnouncer implements Runnable {

    private static final Logger LOGGER = Logger.getLogger(BlockAnnouncer.class.getName());
    private static final long IDLE_POLL_MILLIS = 50;

    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final StageClock clock;
    private final Thread thread;
    private volatile boolean running = true;

    BlockAnnouncer(StageClock clock) {
        this.clock = clock;
        this.thread = new Thread(this, "qcchain-ledger-announcer");
    }

    void start() {
        thread.start();
    }

    /** Queues the announcement of a committed block; blocks must come in commit order. */
    void submit(Runnable announce) {
        queue.add(announce);
    }

    /** Announces what is queued, then stops the thread. */
    void stop() {
        running = false;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        List<Runnable> blocks = new ArrayList<>();
        try {
            while (running || !queue.isEmpty()) {
                Runnable first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                blocks.add(first);
                queue.drainTo(blocks);
                announce(blocks);
                blocks.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void announce(List<Runnable> blocks) {
        long start = clock.start();
        for (Runnable block : blocks) {
            try {
                block.run();
            } catch (RuntimeException e) {
                // a listener's fault must not keep the next blocks' submitters waiting
                LOGGER.log(Level.WARNING, "announcing a committed block failed", e);
            }
        }
        clock.record(Stage.NOTIFY, start);
    }
}
