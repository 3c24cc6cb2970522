package org.qcchain.bench;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.ledger.embedded.CommitResult;
import org.qcchain.ledger.embedded.StageTimings;
import org.qcchain.ledger.embedded.ValidationCode;

/**
 * The figures of one measured run: throughput of valid (durable) commits, latency percentiles,
 * block fill, the chaincode's decisions, CPU use, and the ledger's per-stage timings.
 *
 * @param suite the suite
 * @param blockSize the maximum transactions per block
 * @param inFlight concurrent submissions
 * @param load what the driver saw
 * @param blocks blocks committed during the run
 * @param cpuNanos process CPU time during the run (all threads, GC and JIT included)
 * @param threadCpu CPU time per thread group during the run
 * @param stages the ledger's stage timings during the run
 */
record RunReport(CryptoSuite suite, int blockSize, int inFlight, LoadDriver.Load load, long blocks, long cpuNanos,
        Map<String, Long> threadCpu, StageTimings stages) {

    /** CPU microseconds per request of a thread group. */
    double cpuMicrosPerRequest(long nanos) {
        return nanos / 1000.0 / load.results().size();
    }

    long valid() {
        return load.results().stream().filter(Objects::nonNull).filter(CommitResult::isValid).count();
    }

    double validPerSecond() {
        return valid() / (load.elapsedNanos() / 1e9);
    }

    double percentileMillis(double percentile) {
        return Latencies.percentileMillis(load.latencyNanos(), percentile);
    }

    double transactionsPerBlock() {
        return blocks == 0 ? 0 : (double) load.results().size() / blocks;
    }

    /** How many of the 2 (or n) cores were busy on average. */
    double coresBusy() {
        return cpuNanos / (double) load.elapsedNanos();
    }

    Map<ValidationCode, Long> codes() {
        Map<ValidationCode, Long> codes = new EnumMap<>(ValidationCode.class);
        load.results().stream().filter(Objects::nonNull).forEach(r -> codes.merge(r.code(), 1L, Long::sum));
        return codes;
    }

    /** GRANTED / DENIED with reason, read from the access records the chaincode returned. */
    Map<String, Long> decisions() {
        Map<String, Long> decisions = new TreeMap<>();
        for (CommitResult result : load.results()) {
            if (result != null && result.isValid()) {
                String payload = result.payloadAsString();
                String decision = payload.contains("\"decision\":\"GRANTED\"") ? "GRANTED" : "DENIED " + reason(payload);
                decisions.merge(decision, 1L, Long::sum);
            }
        }
        return decisions;
    }

    private static String reason(String payload) {
        int at = payload.indexOf("\"reasonCode\":\"");
        if (at < 0) {
            return "?";
        }
        int from = at + "\"reasonCode\":\"".length();
        return payload.substring(from, payload.indexOf('"', from));
    }
}
