package org.qcchain.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The syncer's promises: a block is announced only after a force that started after the block was
 * handed over, blocks are announced in the order they came, and once a force fails that block and
 * every later one are failed, never announced, and the committer is told once.
 */
class BlockSyncerTest {

    /** What happened, in order, as seen by the force and the blocks. */
    private final List<String> events = new CopyOnWriteArrayList<>();

    @Test
    void announces_each_block_after_a_force_and_in_order() throws Exception {
        AtomicInteger forces = new AtomicInteger();
        BlockSyncer syncer = new BlockSyncer(() -> events.add("force " + forces.incrementAndGet()),
                new StageClock(), e -> events.add("failure"));
        syncer.start();
        CompletableFuture<Void> last = null;
        for (int block = 0; block < 50; block++) {
            last = submit(syncer, block);
        }
        last.get(10, TimeUnit.SECONDS);
        syncer.stop();

        assertThat(events.stream().filter(e -> e.startsWith("announce")))
                .containsExactlyElementsOf(IntStream.range(0, 50).mapToObj(b -> "announce " + b).toList());
        for (int block = 0; block < 50; block++) {
            int announced = events.indexOf("announce " + block);
            int handedOver = events.indexOf("submit " + block);
            // some force ran between the hand-over and the announcement
            assertThat(events.subList(handedOver, announced)).anyMatch(e -> e.startsWith("force"));
        }
        assertThat(events).doesNotContain("failure");
    }

    @Test
    void a_failed_force_fails_that_block_and_every_later_one_and_tells_the_committer_once() throws Exception {
        CountDownLatch blockTwoHandedOver = new CountDownLatch(1);
        AtomicInteger forces = new AtomicInteger();
        AtomicInteger failuresReported = new AtomicInteger();
        BlockSyncer syncer = new BlockSyncer(() -> {
            if (forces.incrementAndGet() == 2) {
                try {
                    // blocks 1 and 2 both wait on this (second) force
                    blockTwoHandedOver.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new LedgerException("block committed but the disk did not confirm it: test");
            }
        }, new StageClock(), e -> failuresReported.incrementAndGet());
        syncer.start();
        CompletableFuture<Void> first = submit(syncer, 0);
        first.get(10, TimeUnit.SECONDS);
        CompletableFuture<Void> second = submit(syncer, 1);
        CompletableFuture<Void> third = submit(syncer, 2);
        blockTwoHandedOver.countDown();
        CompletableFuture<Void> fourth = submit(syncer, 3);
        syncer.stop();

        assertThat(first).isCompleted();
        for (CompletableFuture<Void> failed : List.of(second, third, fourth)) {
            assertThat(failed).isCompletedExceptionally();
        }
        assertThat(events).contains("announce 0").doesNotContain("announce 1", "announce 2", "announce 3");
        assertThat(failuresReported).hasValue(1);
        // nothing more is forced once the disk failed
        assertThat(forces).hasValue(2);
    }

    @Test
    void stopping_forces_and_announces_what_was_handed_over() throws Exception {
        AtomicReference<String> forcedOn = new AtomicReference<>();
        BlockSyncer syncer = new BlockSyncer(() -> forcedOn.set(Thread.currentThread().getName()),
                new StageClock(), e -> { });
        syncer.start();
        CompletableFuture<Void> block = submit(syncer, 0);
        syncer.stop();

        assertThat(block).isCompleted();
        assertThat(forcedOn).hasValue("qcchain-ledger-syncer");
    }

    private CompletableFuture<Void> submit(BlockSyncer syncer, int block) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        events.add("submit " + block);
        syncer.submit(new BlockSyncer.Written(() -> {
            events.add("announce " + block);
            done.complete(null);
        }, done::completeExceptionally));
        return done;
    }
}
