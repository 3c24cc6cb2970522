package org.qcchain.node.metrics;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** A Prometheus histogram for one label set: cumulative buckets, sum and count. Thread-safe. */
final class Histogram {

    private final double[] bounds;
    private final LongAdder[] buckets;
    private final DoubleAdder sum = new DoubleAdder();
    private final LongAdder count = new LongAdder();

    Histogram(double[] bounds) {
        this.bounds = bounds;
        this.buckets = new LongAdder[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    void observe(double value) {
        // the count first: a scrape reads the buckets before the count, so it never shows a bucket
        // above +Inf (buckets must not decrease)
        count.increment();
        sum.add(value);
        // store per-bucket counts; the exposition sums them, so each observation costs one add
        for (int i = 0; i < bounds.length; i++) {
            if (value <= bounds[i]) {
                buckets[i].increment();
                break;
            }
        }
    }

    long count() {
        return count.sum();
    }

    double sum() {
        return sum.sum();
    }

    void write(StringBuilder out, String name, String labels) {
        long cumulative = 0;
        for (int i = 0; i < bounds.length; i++) {
            cumulative += buckets[i].sum();
            out.append(name).append("_bucket{").append(labels).append(",le=\"")
                    .append(PrometheusText.number(bounds[i])).append("\"} ").append(cumulative)
                    .append('\n');
        }
        long total = count.sum();
        out.append(name).append("_bucket{").append(labels).append(",le=\"+Inf\"} ").append(total)
                .append('\n');
        out.append(name).append("_sum{").append(labels).append("} ")
                .append(PrometheusText.number(sum.sum())).append('\n');
        out.append(name).append("_count{").append(labels).append("} ").append(total).append('\n');
    }
}
