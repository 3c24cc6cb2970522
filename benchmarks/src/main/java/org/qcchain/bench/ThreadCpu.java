package org.qcchain.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time per group of threads (ledger workers, committer, node event loops and workers,
 * everything else), from the JVM's
 * per-thread CPU clocks: unlike wall-clock stage timings, unaffected by threads waiting for a core.
 * On Linux also the JVM's own threads, which Java does not list (JIT compilers, garbage
 * collector, VM thread), from {@code /proc/self/task/<tid>/stat} in clock ticks (10 ms).
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final Map<Long, Long> cpuById;
    private final Map<Long, String> groupById;
    private final Map<String, Long> jvmCpuByTask;

    private ThreadCpu(Map<Long, Long> cpuById, Map<Long, String> groupById, Map<String, Long> jvmCpuByTask) {
        this.cpuById = cpuById;
        this.groupById = groupById;
        this.jvmCpuByTask = jvmCpuByTask;
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
        return new ThreadCpu(cpu, groups, jvmThreads());
    }

    /** CPU nanoseconds of the JVM's internal threads by task id (empty where /proc is not there). */
    private static Map<String, Long> jvmThreads() {
        Map<String, Long> cpu = new HashMap<>();
        if (!Files.isDirectory(TASKS)) {
            return cpu;
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String group = jvmGroup(stat.substring(open + 1, close));
                    if (group != null) {
                        // fields after the name: state is field 3; utime and stime are fields 14 and 15
                        String[] fields = stat.substring(close + 2).split(" ");
                        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        cpu.put(group + "|" + task.getFileName(), ticks * NANOS_PER_TICK);
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return cpu;
        }
        return cpu;
    }

    private static String jvmGroup(String name) {
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return "JIT compiler (JVM)";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
            return "garbage collector (JVM)";
        }
        if (name.equals("VM Thread")) {
            return "VM thread (JVM)";
        }
        return null;
    }

    /** CPU nanoseconds per group between {@code earlier} and this snapshot, JVM-internal threads included where readable. */
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
        jvmCpuByTask.forEach((task, nanos) -> groups.merge(task.substring(0, task.indexOf('|')),
                nanos - earlier.jvmCpuByTask.getOrDefault(task, 0L), Long::sum));
        return groups;
    }

    private static String group(String name) {
        if (name.startsWith("qcchain-ledger-worker")) {
            return "ledger workers";
        }
        if (name.startsWith("qcchain-ledger-committer")) {
            return "ledger committer";
        }
        if (name.startsWith("qcchain-ledger-announcer")) {
            return "ledger announcer";
        }
        if (name.startsWith("qcchain-ledger-flusher")) {
            return "ledger flusher";
        }
        if (name.startsWith("MVStore background writer") || name.startsWith("H2-serialization")
                || name.startsWith("H2-save")) {
            // H2 serialising and writing stored pages (the ledger's and the provider stores')
            return "H2 store threads";
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
