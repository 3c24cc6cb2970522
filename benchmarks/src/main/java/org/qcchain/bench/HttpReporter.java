package org.qcchain.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes the HTTP benchmark's results as Markdown. */
final class HttpReporter {

    private final PrintStream out;
    private final List<HttpRunReport> runs = new ArrayList<>();

    HttpReporter(PrintStream out) {
        this.out = out;
    }

    void machine(HttpBenchOptions options) {
        out.printf(Locale.ROOT, "## http benchmark%n%ncores (availableProcessors): %d; java %s (%s); node, ledger and"
                        + " client in one process; %s; P256_SHA256, embedded ledger with fsync; %,d subjects;"
                        + " at least %d warm-up (more while the JIT is busy) + %d measured requests per run"
                        + " (%s)%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                options.tls() ? "mutual TLS (HTTPS, the bank's client certificate)" : "plain HTTP",
                options.subjects(), options.warmup(), options.requests(),
                options.service().equals("health")
                        ? "health-claim service: 1 live dataset, 4 fields, about 2 visits a subject read from the"
                                + " hospital's own database per answer"
                        : "bank-loan service: 3 datasets, 3 fields each");
    }

    void run(HttpRunReport run) {
        runs.add(run);
        out.printf(Locale.ROOT, "### %d clients%n%nafter %s%n%n", run.clients(), run.warmUp().describe());
        out.printf(Locale.ROOT, "%d requests: %.0f answered (200) per second; latency p50 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms; %d blocks; %.2f cores busy; answers %s%n%n",
                run.requests(), run.okPerSecond(), run.percentileMillis(50), run.percentileMillis(99), run.maxMillis(),
                run.blocks(), run.coresBusy(), run.result().codes());
        out.printf(Locale.ROOT, "CPU per request: %.0f µs in all (process, GC and JIT included); node threads %.0f µs",
                run.cpuMicrosPerRequest(), run.nodeCpuMicrosPerRequest());
        run.threadCpu().forEach((group, nanos) -> out.printf(Locale.ROOT, "; %s %.0f µs", group,
                run.cpuMicrosPerRequest(nanos)));
        out.printf(Locale.ROOT, "%n%nnode CPU per request in benchmark-client units: %.2f (the node threads' CPU over the"
                + " client's; the machine's swings in speed cancel out, so compare node builds by this)%n%n",
                run.nodeCpuInClientUnits());
        run.stages().ifPresent(stages -> StageTable.print(out, stages, run.requests(), "request"));
        PhaseTable.print(out, run.phases());
        HttpRunReport.Verification check = run.verification();
        out.printf(Locale.ROOT, "SDK verification of a sample, after the run (not in the figures above): %d answers"
                        + " verified, %.0f answers/s on one thread; failures %s%n%n",
                check.verified(), check.perSecond(), check.failures());
        out.flush();
    }

    void summary() {
        out.println("### summary");
        out.println();
        out.println("| clients | requests | answered/s | p50 ms | p99 ms | max ms | CPU µs/request (process) |"
                + " CPU µs/request (node threads) | node CPU in client units | cores busy | sample verified |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (HttpRunReport run : runs) {
            out.printf(Locale.ROOT, "| %d | %d | %.0f | %.1f | %.1f | %.1f | %.0f | %.0f | %.2f | %.2f | %d/%d |%n",
                    run.clients(), run.requests(), run.okPerSecond(), run.percentileMillis(50), run.percentileMillis(99),
                    run.maxMillis(), run.cpuMicrosPerRequest(), run.nodeCpuMicrosPerRequest(), run.nodeCpuInClientUnits(),
                    run.coresBusy(),
                    run.verification().verified(),
                    run.verification().verified() + run.verification().failures().values().stream()
                            .mapToLong(Long::longValue).sum());
        }
        out.flush();
    }
}
