package org.qcchain.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.qcchain.ledger.embedded.StageTimings;
import org.qcchain.node.metrics.DataRequestPhases.Phase;
import org.qcchain.node.metrics.DataRequestPhases.Total;

/**
 * The figures of one measured HTTP run: answered requests per second, latency percentiles, answers
 * by code, CPU per request (the whole process, and the node's threads without the benchmark's
 * client), blocks cut, and the verification of the sampled answers (timed apart from the run).
 *
 * @param clients concurrent clients
 * @param warmUp the warm-up before the run
 * @param result what the load driver saw
 * @param cpuNanos process CPU time during the run (node, client, GC and JIT)
 * @param threadCpu CPU time per thread group during the run
 * @param blocks blocks committed during the run
 * @param stages the embedded ledger's time per stage during the run; empty on another backend
 * @param phases the data requests' time per phase in the node during the run
 * @param verification the sample's verification
 */
record HttpRunReport(int clients, JitWarmUp.Outcome warmUp, HttpLoad.Result result, long cpuNanos,
        Map<String, Long> threadCpu, long blocks, Optional<StageTimings> stages, Map<Phase, Total> phases,
        Verification verification) {

    /** The thread group of the load generator's event loop. */
    static final String CLIENT = "benchmark client";

    /** Thread groups that are the benchmark's own, not the node's. */
    private static final java.util.Set<String> NOT_NODE = java.util.Set.of(CLIENT, "benchmark driver and others");

    int requests() {
        return result.latencyNanos().length;
    }

    double okPerSecond() {
        return result.ok() / (result.elapsedNanos() / 1e9);
    }

    double percentileMillis(double percentile) {
        return Latencies.percentileMillis(result.latencyNanos(), percentile);
    }

    double maxMillis() {
        return Arrays.stream(result.latencyNanos()).max().orElse(0) / 1e6;
    }

    /** Process CPU microseconds per request. */
    double cpuMicrosPerRequest() {
        return cpuNanos / 1000.0 / requests();
    }

    /** CPU microseconds per request of the node's own threads (event loops, workers, ledger). */
    double nodeCpuMicrosPerRequest() {
        long node = threadCpu.entrySet().stream().filter(e -> !NOT_NODE.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        return node / 1000.0 / requests();
    }

    /**
     * The node's CPU per request in units of the benchmark client's: node threads' CPU over the
     * client thread's. The client does the same work per request whatever the node's build (it
     * sends a signed request and reads an answer of about the same size), so the machine's swings
     * in speed, which move every thread's CPU by the same factor, cancel out; builds of the node
     * compare by this figure better than by microseconds. NaN when the client's CPU is unknown.
     */
    double nodeCpuInClientUnits() {
        long client = threadCpu.getOrDefault(CLIENT, 0L);
        return client == 0 ? Double.NaN : nodeCpuMicrosPerRequest() / cpuMicrosPerRequest(client);
    }

    /** CPU microseconds per request of one thread group. */
    double cpuMicrosPerRequest(long nanos) {
        return nanos / 1000.0 / requests();
    }

    /** How many cores the process kept busy on average. */
    double coresBusy() {
        return cpuNanos / (double) result.elapsedNanos();
    }

    /**
     * The sample's verification.
     *
     * @param verified answers that verified
     * @param failures failures by exception and message
     * @param elapsedNanos time spent verifying, one thread
     */
    record Verification(int verified, Map<String, Long> failures, long elapsedNanos) {

        double perSecond() {
            return verified == 0 ? 0 : verified / (elapsedNanos / 1e9);
        }
    }
}
