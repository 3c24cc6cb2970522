package org.qcchain.node.metrics;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Where a data request's time goes, phase by phase, as the histogram
 * {@code qcchain_data_request_phase_seconds{phase}}: the wall time from one phase's end to the
 * next, waits included, since under load the waits (for a worker, for the block, for the batch
 * signature, for the receipt's force) are most of a request's latency. The phases, in order:
 *
 * <ol>
 *   <li>{@code admission}: from the authenticated request until a worker takes it and submits it;
 *   <li>{@code ledger}: until its access transaction is in a committed, durable block;
 *   <li>{@code answer}: until the answer is built (records, proofs, evidence, canonical JSON);
 *   <li>{@code signature}: until the answer's batch is signed and the answer assembled;
 *   <li>{@code receipt}: until its delivery receipt is forced to the outbox; the answer is sent
 *       next.
 * </ol>
 *
 * <p>A phase is counted when it ends: a request the chaincode denies counts {@code admission} and
 * {@code ledger}; one refused before it is submitted (a dataset the node does not hold) counts
 * none; one whose submission fails counts {@code admission}. Granted requests of both routes that
 * answer them ({@code /v1/data-requests} and a subject's own records) are counted together; a
 * sealed answer is sealed after {@code receipt}, untimed here. Thread-safe; a few adders per phase.
 */
public final class DataRequestPhases {

    /** The phases of a data request, in order. */
    public enum Phase {
        /** Until a worker submits the request. */
        ADMISSION,
        /** Until the access transaction is committed. */
        LEDGER,
        /** Until the answer is built. */
        ANSWER,
        /** Until the answer's batch is signed and the answer assembled. */
        SIGNATURE,
        /** Until the delivery receipt is kept. */
        RECEIPT;

        /** @return the label value, e.g. {@code ledger} */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The phases' wall times so far: how many ended and their total. */
    public record Total(long count, long nanos) {}

    static final String NAME = "qcchain_data_request_phase_seconds";

    private static final double[] BOUNDS =
            {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final Map<Phase, Histogram> histograms = new EnumMap<>(Phase.class);
    private final LongSupplier nanoTime;

    /** Creates the histograms, all empty, timed by {@link System#nanoTime}. */
    public DataRequestPhases() {
        this(System::nanoTime);
    }

    /** @param nanoTime the time source, in nanoseconds (a test's own) */
    DataRequestPhases(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        for (Phase phase : Phase.values()) {
            histograms.put(phase, new Histogram(BOUNDS));
        }
    }

    /**
     * Starts timing one request.
     *
     * @return its clock, at the request's start
     */
    public Clock start() {
        return new Clock(nanoTime.getAsLong());
    }

    /**
     * The totals of every phase so far (the benchmark compares two).
     *
     * @return count and nanoseconds per phase, in order
     */
    public Map<Phase, Total> totals() {
        Map<Phase, Total> totals = new EnumMap<>(Phase.class);
        histograms.forEach((phase, histogram) -> totals.put(phase,
                new Total(histogram.count(), Math.round(histogram.sum() * 1e9))));
        return totals;
    }

    void write(StringBuilder out) {
        PrometheusText.header(out, NAME, "histogram",
                "Wall time of each phase of a data request, waits included: admission, ledger, answer,"
                        + " signature, receipt.");
        histograms.forEach((phase, histogram) -> histogram.write(out, NAME, "phase=\"" + phase.label() + "\""));
    }

    /**
     * One request's clock. Its phases end one after another, each after the last (the stages of one
     * request's future chain), so it needs no synchronisation of its own.
     */
    public final class Clock {
        private long last;

        private Clock(long start) {
            this.last = start;
        }

        /**
         * Ends a phase: counts the time since the previous one ended (or the request started).
         *
         * @param phase the phase that ended
         */
        public void end(Phase phase) {
            long now = nanoTime.getAsLong();
            histograms.get(phase).observe((now - last) / 1e9);
            last = now;
        }
    }
}
