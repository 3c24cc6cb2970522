package org.qcchain.bench;

import java.io.PrintStream;
import java.util.Locale;
import org.qcchain.ledger.embedded.Stage;
import org.qcchain.ledger.embedded.StageTimings;

/**
 * The embedded ledger's time per stage during a run, as a Markdown table: runs, wall time per run,
 * and wall and thread-CPU time per unit of work (a transaction in the ledger benchmark, a data
 * request through the node, which costs its own transaction and a share of a receipt transaction).
 */
final class StageTable {

    private StageTable() {}

    /**
     * @param stages the timings of the run (the difference of two snapshots)
     * @param units how many units of work the run did
     * @param unit what one is, for the column titles
     */
    static void print(PrintStream out, StageTimings stages, long units, String unit) {
        out.println("| stage | thread | runs | wall µs per run | wall µs per " + unit + " | CPU µs per " + unit + " |");
        out.println("|---|---|---:|---:|---:|---:|");
        double cpuTotal = 0;
        for (Stage stage : Stage.values()) {
            StageTimings.Entry entry = stages.entry(stage);
            double wall = units == 0 ? 0 : entry.totalNanos() / 1000.0 / units;
            double cpu = units == 0 ? 0 : entry.cpuNanos() / 1000.0 / units;
            cpuTotal += cpu;
            out.printf(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %.1f |%n", stage, thread(stage), entry.count(),
                    entry.meanMicros(), wall, cpu);
        }
        out.printf(Locale.ROOT, "| all timed stages | | | | | %.1f |%n", cpuTotal);
        out.println();
    }

    private static String thread(Stage stage) {
        if (stage.ordinal() <= Stage.ENCODE.ordinal()) {
            return "worker";
        }
        return switch (stage) {
            case QUEUED -> "(wait)";
            case NOTIFY -> "announcer";
            default -> "committer";
        };
    }
}
