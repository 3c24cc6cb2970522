package org.qcchain.ledger.embedded;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Adds up the time of each {@link Stage}, from many threads, without contention (LongAdder): wall
 * time, and the CPU time of the thread that ran the stage. On a loaded machine wall time includes
 * waiting for a core; CPU time does not, so it is the figure to compare between runs.
 *
 * <p>A run of stages on one thread starts with {@link #start()} and each {@link #record} ends one
 * stage and starts the next, so consecutive stages share their clock reads.
 */
final class StageClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_CLOCK = THREADS.isCurrentThreadCpuTimeSupported();

    private final LongAdder[] counts = adders();
    private final LongAdder[] nanos = adders();
    private final LongAdder[] cpuNanos = adders();
    /** The CPU time of each thread when its current stage started. */
    private final ThreadLocal<long[]> cpuMark = ThreadLocal.withInitial(() -> new long[1]);

    /** Starts timing on this thread; returns the wall-clock start ({@link System#nanoTime()}). */
    long start() {
        cpuMark.get()[0] = threadCpuNanos();
        return System.nanoTime();
    }

    /**
     * Records one run of {@code stage} on this thread that started at {@code startNanos} (from
     * {@link #start()} or the previous {@code record}); returns the start of the next stage.
     */
    long record(Stage stage, long startNanos) {
        long now = System.nanoTime();
        long[] mark = cpuMark.get();
        long cpu = threadCpuNanos();
        counts[stage.ordinal()].increment();
        nanos[stage.ordinal()].add(now - startNanos);
        cpuNanos[stage.ordinal()].add(cpu - mark[0]);
        mark[0] = cpu;
        return now;
    }

    /** Records a wait that began at {@code sinceNanos}, possibly on another thread: wall time only. */
    void recordWait(Stage stage, long sinceNanos) {
        counts[stage.ordinal()].increment();
        nanos[stage.ordinal()].add(System.nanoTime() - sinceNanos);
    }

    StageTimings snapshot() {
        Map<Stage, StageTimings.Entry> entries = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            int i = stage.ordinal();
            entries.put(stage, new StageTimings.Entry(counts[i].sum(), nanos[i].sum(), cpuNanos[i].sum()));
        }
        return new StageTimings(entries);
    }

    private static long threadCpuNanos() {
        return CPU_CLOCK ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    private static LongAdder[] adders() {
        LongAdder[] adders = new LongAdder[Stage.values().length];
        for (int i = 0; i < adders.length; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }
}
