package org.qcchain.bench;

import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Warms the JVM up until its just-in-time compilers have little left to do, so that a measured run
 * does not pay for compilation. A fixed number of warm-up requests is not enough on a slow
 * machine: there the server compiler still spends most of a core on the request path's large
 * methods (a second and more each) after 40,000 requests, and the measured run's CPU per request
 * and p99 then show compilation, not the node.
 *
 * <p>After a first round of the given size, further rounds of a quarter of it follow while the
 * compilers worked for more than {@code quietPercent} % of a round's wall time (their time as the
 * JVM counts it, {@link CompilationMXBean#getTotalCompilationTime}), at most {@link #MAX_EXTRA_ROUNDS}.
 */
final class JitWarmUp {

    /** Extra rounds at most: a JVM that never settles is reported, not waited for. */
    static final int MAX_EXTRA_ROUNDS = 8;

    /**
     * One warm-up round, prepared untimed (requests are signed as clients would, elsewhere), then
     * sent.
     *
     * @param <T> the prepared requests
     */
    interface Round<T> {
        T prepare(int requests);

        void send(T prepared) throws Exception;
    }

    /**
     * What the warm-up did.
     *
     * @param requests warm-up requests sent in all
     * @param rounds rounds run
     * @param lastRoundCompilePercent the compilers' time in the last round, in % of its wall time;
     *     negative when the JVM does not report compilation time
     */
    record Outcome(int requests, int rounds, double lastRoundCompilePercent) {

        String describe() {
            return lastRoundCompilePercent < 0
                    ? String.format(Locale.ROOT, "%,d warm-up requests in %d round(s)", requests, rounds)
                    : String.format(Locale.ROOT, "%,d warm-up requests in %d round(s), the JIT compiling %.1f %%"
                            + " of the last round's time", requests, rounds, lastRoundCompilePercent);
        }
    }

    private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    private final int quietPercent;
    private final PrintStream progress;

    /**
     * @param quietPercent warm up until a round's compilation time is at most this share of its
     *     wall time; 0 runs the first round only
     * @param progress where each round's outcome is reported
     */
    JitWarmUp(int quietPercent, PrintStream progress) {
        if (quietPercent < 0 || quietPercent > 100) {
            throw new IllegalArgumentException("quietPercent must be within 0..100: " + quietPercent);
        }
        this.quietPercent = quietPercent;
        this.progress = progress;
    }

    /**
     * Runs the first round of {@code requests}, then quarter rounds until the compilers are quiet.
     *
     * @param requests the first round's size; 0 skips the warm-up
     */
    <T> Outcome run(int requests, Round<T> round) throws Exception {
        if (requests == 0) {
            return new Outcome(0, 0, -1);
        }
        boolean measurable = compiler != null && compiler.isCompilationTimeMonitoringSupported();
        int sent = 0;
        int rounds = 0;
        int size = requests;
        while (true) {
            T prepared = round.prepare(size);
            long compileBefore = measurable ? compiler.getTotalCompilationTime() : 0;
            long start = System.nanoTime();
            round.send(prepared);
            double wallMillis = (System.nanoTime() - start) / 1e6;
            sent += size;
            rounds++;
            double percent = measurable
                    ? 100.0 * (compiler.getTotalCompilationTime() - compileBefore) / wallMillis : -1;
            boolean quiet = !measurable || quietPercent == 0 || percent <= quietPercent;
            if (quiet || rounds > MAX_EXTRA_ROUNDS) {
                if (!quiet) {
                    progress.printf(Locale.ROOT, "warm-up: the JIT still compiled %.1f %% of the time after %d"
                            + " rounds; measuring anyway%n", percent, rounds);
                }
                return new Outcome(sent, rounds, percent);
            }
            progress.printf(Locale.ROOT, "warm-up round %d: the JIT compiled %.1f %% of the time (over %d %%);"
                    + " another round%n", rounds, percent, quietPercent);
            size = Math.max(1, requests / 4);
        }
    }
}
