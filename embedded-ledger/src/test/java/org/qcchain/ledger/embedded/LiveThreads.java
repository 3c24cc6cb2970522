package org.qcchain.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/** The live threads of one name, for tests of the ledger's background threads. */
final class LiveThreads {

    private LiveThreads() {}

    /** The threads named {@code name} that are alive now (a copy: compare before and after). */
    static Set<Thread> named(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name) && t.isAlive())
                .collect(Collectors.toSet());
    }

    /**
     * Opens and starts a ledger in {@code folder}, checks that it runs one daemon thread named
     * {@code name} of its own while open, closes it, and checks that the thread has ended.
     */
    static void assertOneRunsWhileOpen(TestPlatform platform, Path folder, String name) {
        Set<Thread> before = named(name);
        Set<Thread> ours;
        try (EmbeddedLedger ledger = platform.open(folder)) {
            platform.start(ledger);
            ours = named(name);
            ours.removeAll(before);
            assertThat(ours).hasSize(1).allMatch(Thread::isAlive).allMatch(Thread::isDaemon);
        }
        assertThat(ours).noneMatch(Thread::isAlive);
    }
}
