package org.qcchain.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time per group of threads (ledger workers, committer, node event loops and workers,
 * everything else), from the JVM's
 * per-thread CPU clocks: unlike wall-clock stage timings, unaffected by threads waiting for a core.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> cpuById;
    private final Map<Long, String> groupById;

    private ThreadCpu(Map<Long, Long> cpuById, Map<Long, String> groupById) {
        this.cpuById = cpuById;
        this.groupById = groupById;
    }

    static ThreadCpu snapshot() {
        Map<Long, Long> cpu = new HashMap<>();
        Map<Long, String> groups = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long nanos = THREADS.getThreadCpuTime(info.getThreadId());
            if (nanos >= 0) {
                cpu.put(info.getThreadId(), nanos);
                groups.put(info.getThreadId(), group(info.getThreadName()));
            }
        }
        return new ThreadCpu(cpu, groups);
    }

    /** CPU nanoseconds per group between {@code earlier} and this snapshot (JVM-internal threads not included). */
    Map<String, Long> minus(ThreadCpu earlier) {
        return minus(earlier, Map.of());
    }

    /**
     * As {@link #minus(ThreadCpu)}, with some threads put in a group of their own (a thread whose
     * name alone does not say whose it is, such as a Vert.x event loop of the benchmark's client).
     */
    Map<String, Long> minus(ThreadCpu earlier, Map<Long, String> groupOverrides) {
        Map<String, Long> groups = new TreeMap<>();
        cpuById.forEach((id, nanos) -> groups.merge(groupOverrides.getOrDefault(id, groupById.get(id)),
                nanos - earlier.cpuById.getOrDefault(id, 0L), Long::sum));
        return groups;
    }

    private static String group(String name) {
        if (name.startsWith("qcchain-ledger-worker")) {
            return "ledger workers";
        }
        if (name.startsWith("qcchain-ledger-committer")) {
            return "ledger committer";
        }
        if (name.startsWith("qcchain-ledger")) {
            return "ledger listeners";
        }
        if (name.startsWith("vert.x-eventloop")) {
            return "node event loops";
        }
        if (name.startsWith("vert.x-worker") || name.startsWith("vert.x-internal-blocking")) {
            return "node workers";
        }
        return "benchmark driver and others";
    }
}
