package org.qcchain.ledger.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last step of committing a block, on a thread of its own: forces H2's file to disk, then
 * completes the block's submitters and tells the listeners, block after block in order. The
 * committer hands a block over as soon as H2 has committed it and goes on with the next one, so
 * the force, which is mostly waiting for the disk, no longer stalls the ledger's one serial thread;
 * blocks handed over while a force is under way share the next force.
 *
 * <p>Nobody hears of a block before it is on disk: submitters, listeners and config updates are
 * all told here, after the force. The block file needs no force here: the committer forces a
 * block's entries before H2 commits the rows that point to them. If a force fails, that block and
 * every later one are failed (H2 may or may not hold them after a restart; nobody was told either
 * way) and the committer is stopped from writing more.
 */
final class BlockSyncer implements Runnable {

    private static final Logger LOGGER = Logger.getLogger(BlockSyncer.class.getName());
    private static final long IDLE_POLL_MILLIS = 50;

    /**
     * A block committed to H2 and waiting for its force.
     *
     * @param announce tells the block's submitters and listeners; run once the block is on disk
     * @param fail fails whoever waits on the block when it could not be forced
     */
    record Written(Runnable announce, Consumer<LedgerException> fail) {}

    private final BlockingQueue<Written> queue = new LinkedBlockingQueue<>();
    private final Runnable force;
    private final StageClock clock;
    private final Consumer<LedgerException> onFailure;
    private final Thread thread;
    private volatile boolean running = true;
    /** Set by the syncer thread only, when a force failed. */
    private LedgerException failure;

    /**
     * @param force forces H2's file to disk ({@link BlockWriter#sync()}); throws a {@link
     *     LedgerException} if the disk did not confirm
     * @param onFailure told once, on this thread, when a force failed
     */
    BlockSyncer(Runnable force, StageClock clock, Consumer<LedgerException> onFailure) {
        this.force = force;
        this.clock = clock;
        this.onFailure = onFailure;
        this.thread = new Thread(this, "qcchain-ledger-syncer");
    }

    void start() {
        thread.start();
    }

    /** Queues a block H2 has just committed; blocks must come in commit order. */
    void submit(Written block) {
        queue.add(block);
    }

    /** Forces and announces what is queued, then stops the thread. */
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
        List<Written> blocks = new ArrayList<>();
        try {
            while (running || !queue.isEmpty()) {
                Written first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                blocks.add(first);
                queue.drainTo(blocks);
                syncAndAnnounce(blocks);
                blocks.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void syncAndAnnounce(List<Written> blocks) {
        long start = clock.start();
        if (failure == null) {
            try {
                // one force covers every block H2 committed before it started
                force.run();
            } catch (LedgerException e) {
                failure = e;
                LOGGER.log(Level.SEVERE, e.getMessage(), e);
                onFailure.accept(e);
            }
        }
        start = clock.record(Stage.FSYNC, start);
        for (Written block : blocks) {
            try {
                if (failure == null) {
                    block.announce().run();
                } else {
                    block.fail().accept(failure);
                }
            } catch (RuntimeException e) {
                // a listener's fault must not keep the next blocks' submitters waiting
                LOGGER.log(Level.WARNING, "announcing a committed block failed", e);
            }
        }
        clock.record(Stage.NOTIFY, start);
    }
}
