package org.qcchain.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The announcer's promises: blocks are announced in the order they were handed over, on its own
 * thread, a failing announcement does not hold up the next ones, and stopping announces
 * everything handed over before.
 */
class BlockAnnouncerTest {

    private final List<String> announced = new CopyOnWriteArrayList<>();

    @Test
    void announces_blocks_in_order_on_its_own_thread() throws Exception {
        BlockAnnouncer announcer = new BlockAnnouncer(new StageClock());
        announcer.start();
        CountDownLatch last = new CountDownLatch(1);
        List<String> threads = new CopyOnWriteArrayList<>();
        for (int block = 0; block < 200; block++) {
            int number = block;
            announcer.submit(() -> {
                announced.add("block " + number);
                threads.add(Thread.currentThread().getName());
                if (number == 199) {
                    last.countDown();
                }
            });
        }
        assertThat(last.await(10, TimeUnit.SECONDS)).isTrue();
        announcer.stop();

        assertThat(announced).containsExactlyElementsOf(IntStream.range(0, 200).mapToObj(b -> "block " + b).toList());
        assertThat(threads).containsOnly("qcchain-ledger-announcer");
    }

    @Test
    void a_failing_announcement_does_not_hold_up_the_next_blocks() throws Exception {
        BlockAnnouncer announcer = new BlockAnnouncer(new StageClock());
        announcer.start();
        announcer.submit(() -> announced.add("block 0"));
        announcer.submit(() -> {
            throw new IllegalStateException("a listener failed");
        });
        CountDownLatch third = new CountDownLatch(1);
        announcer.submit(() -> {
            announced.add("block 2");
            third.countDown();
        });
        assertThat(third.await(10, TimeUnit.SECONDS)).isTrue();
        announcer.stop();

        assertThat(announced).containsExactly("block 0", "block 2");
    }

    @Test
    void stopping_announces_what_was_handed_over() {
        BlockAnnouncer announcer = new BlockAnnouncer(new StageClock());
        announcer.start();
        for (int block = 0; block < 20; block++) {
            int number = block;
            announcer.submit(() -> announced.add("block " + number));
        }
        announcer.stop();

        assertThat(announced).hasSize(20);
    }
}
