package org.qcchain.ledger.embedded;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How often each {@link Stage} ran and how long it took in total since the ledger was opened, in
 * wall-clock time and in CPU time of the thread that ran it: a cheap, always-on profile (two wall
 * and two thread-CPU clock reads per stage) for benchmarks and operations.
 *
 * <pre>{@code
 * StageTimings before = ledger.stageTimings();
 * ... load ...
 * StageTimings.Entry simulate = ledger.stageTimings().minus(before).entry(Stage.SIMULATE);
 * double micros = simulate.meanMicros();
 * }</pre>
 */
public final class StageTimings {

    /**
     * One stage's totals.
     *
     * @param count how many times it ran (per transaction, or per block for committer stages)
     * @param totalNanos the wall-clock time spent in it, summed over threads (includes waiting for
     *     a core on a busy machine)
     * @param cpuNanos the CPU time the running threads spent in it (0 for {@link Stage#QUEUED}, a
     *     wait, and where the JVM has no thread CPU clock)
     */
    public record Entry(long count, long totalNanos, long cpuNanos) {
        /** Mean wall-clock time per run in microseconds; 0 if it never ran. */
        public double meanMicros() {
            return count == 0 ? 0 : totalNanos / 1000.0 / count;
        }

        /** Mean CPU time per run in microseconds; 0 if it never ran. */
        public double meanCpuMicros() {
            return count == 0 ? 0 : cpuNanos / 1000.0 / count;
        }
    }

    private final Map<Stage, Entry> entries;

    StageTimings(Map<Stage, Entry> entries) {
        this.entries = new EnumMap<>(entries);
    }

    /** A stage's totals. */
    public Entry entry(Stage stage) {
        return entries.getOrDefault(Objects.requireNonNull(stage, "stage"), new Entry(0, 0, 0));
    }

    /** What happened between {@code earlier} and this snapshot. */
    public StageTimings minus(StageTimings earlier) {
        Map<Stage, Entry> difference = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            Entry now = entry(stage);
            Entry then = earlier.entry(stage);
            difference.put(stage, new Entry(now.count() - then.count(), now.totalNanos() - then.totalNanos(),
                    now.cpuNanos() - then.cpuNanos()));
        }
        return new StageTimings(difference);
    }

    @Override
    public String toString() {
        return "StageTimings" + entries;
    }
}
