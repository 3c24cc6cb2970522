package org.qcchain.bench;

import java.util.Arrays;

/** Latency figures computed alike for every benchmark's report, so that their tables compare. */
final class Latencies {

    private Latencies() {}

    /**
     * The nearest-rank percentile.
     *
     * @param latencyNanos the latencies of a run, in any order; not changed
     * @param percentile from 0 to 100
     * @return the latency in milliseconds that {@code percentile} % of the run stayed within
     */
    static double percentileMillis(long[] latencyNanos, double percentile) {
        long[] sorted = latencyNanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }
}
