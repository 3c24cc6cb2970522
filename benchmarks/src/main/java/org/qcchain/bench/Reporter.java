package org.qcchain.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.qcchain.common.crypto.CryptoSuite;

/** Writes results as Markdown, so they can go into docs/performance.md as they are. */
final class Reporter {

    private final PrintStream out;
    private final List<RunReport> runs = new ArrayList<>();

    Reporter(PrintStream out) {
        this.out = out;
    }

    void machine(LedgerBenchOptions options) {
        out.printf(Locale.ROOT, "## ledger benchmark%n%ncores (availableProcessors): %d; java %s (%s); workers %d;"
                        + " in flight %s; block timeout %d ms; fsync %s; %d warm-up + %d measured requests per run;"
                        + " measured requests signed %s; %s%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), options.workers(), options.inFlight(),
                options.blockTimeoutMillis(), options.fsync() ? "every block" : "OFF (not durable)", options.warmup(),
                options.transactions(), options.signInline()
                        ? "inline by the submitting thread (inside the measured time)"
                        : "before the clock starts (fresh nonces and timestamps)",
                options.signedByTransaction()
                        ? "requests signed by the bank's transaction only (one signature check per transaction)"
                        : "requests signed themselves and inside the bank's signed proposal (two signature checks)");
    }

    void baseline(CryptoSuite suite, CryptoBaseline baseline) {
        out.printf(Locale.ROOT, "%s on one thread: %.0f signatures/s, %.0f verifications/s%n%n", suite,
                baseline.signPerSecond(), baseline.verifyPerSecond());
    }

    void run(RunReport run) {
        runs.add(run);
        out.printf(Locale.ROOT, "### %s, blocks of up to %d, %d in flight%n%n", run.suite(), run.blockSize(),
                run.inFlight());
        out.printf(Locale.ROOT, "%d requests: %.0f valid commits/s, latency p50 %.1f ms, p99 %.1f ms, %.1f tx/block,"
                        + " %.2f cores busy; codes %s; decisions %s; ledger failures %d%n%n",
                run.load().results().size(), run.validPerSecond(), run.percentileMillis(50),
                run.percentileMillis(99), run.transactionsPerBlock(), run.coresBusy(), run.codes(), run.decisions(),
                run.load().failures().size());
        out.printf(Locale.ROOT, "CPU per request: %.0f µs in all (process)", run.cpuMicrosPerRequest(run.cpuNanos()));
        run.threadCpu().forEach((group, nanos) -> out.printf(Locale.ROOT, "; %s %.0f µs", group,
                run.cpuMicrosPerRequest(nanos)));
        out.printf("%n%n");
        StageTable.print(out, run.stages(), run.load().results().size(), "transaction");
        out.flush();
    }

    void summary() {
        out.println("### summary");
        out.println();
        out.println("| suite | block size | in flight | requests | valid commits/s | p50 ms | p99 ms | tx/block |"
                + " cores busy |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (RunReport run : runs) {
            out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.0f | %.1f | %.1f | %.1f | %.2f |%n", run.suite(),
                    run.blockSize(), run.inFlight(), run.load().results().size(), run.validPerSecond(), run.percentileMillis(50),
                    run.percentileMillis(99), run.transactionsPerBlock(), run.coresBusy());
        }
        out.flush();
    }
}
