package org.qcchain.ledger.embedded;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Adds up the time of each {@link Stage}, from many threads, without contention (LongAdder). */
final class StageClock {

    private final LongAdder[] counts = adders();
    private final LongAdder[] nanos = adders();

    /** Records one run of {@code stage} that started at {@code startNanos} ({@link System#nanoTime()}). */
    long record(Stage stage, long startNanos) {
        long now = System.nanoTime();
        counts[stage.ordinal()].increment();
        nanos[stage.ordinal()].add(now - startNanos);
        return now;
    }

    StageTimings snapshot() {
        Map<Stage, StageTimings.Entry> entries = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            entries.put(stage, new StageTimings.Entry(counts[stage.ordinal()].sum(), nanos[stage.ordinal()].sum()));
        }
        return new StageTimings(entries);
    }

    private static LongAdder[] adders() {
        LongAdder[] adders = new LongAdder[Stage.values().length];
        for (int i = 0; i < adders.length; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }
}
