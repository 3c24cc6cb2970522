package org.qcchain.bench;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.qcchain.node.metrics.DataRequestPhases.Phase;
import org.qcchain.node.metrics.DataRequestPhases.Total;

/**
 * Where the run's data requests spent their time, phase by phase (the node's
 * {@code qcchain_data_request_phase_seconds}), as a Markdown table: how many ended and the mean
 * wall time of each, waits included. Their sum is a request's time in the node after its
 * authentication and before its answer is written.
 */
final class PhaseTable {

    private PhaseTable() {}

    /** The phases' totals of a run: {@code after} less {@code before}. */
    static Map<Phase, Total> difference(Map<Phase, Total> after, Map<Phase, Total> before) {
        Map<Phase, Total> run = new EnumMap<>(Phase.class);
        after.forEach((phase, total) -> {
            Total earlier = before.getOrDefault(phase, new Total(0, 0));
            run.put(phase, new Total(total.count() - earlier.count(), total.nanos() - earlier.nanos()));
        });
        return run;
    }

    static void print(PrintStream out, Map<Phase, Total> phases) {
        out.println("| phase of a data request | ended | mean wall ms |");
        out.println("|---|---:|---:|");
        double sum = 0;
        for (Map.Entry<Phase, Total> entry : phases.entrySet()) {
            Total total = entry.getValue();
            double mean = total.count() == 0 ? 0 : total.nanos() / 1e6 / total.count();
            sum += mean;
            out.printf(Locale.ROOT, "| %s | %d | %.2f |%n", entry.getKey().label(), total.count(), mean);
        }
        out.printf(Locale.ROOT, "| all phases | | %.2f |%n%n", sum);
    }
}
