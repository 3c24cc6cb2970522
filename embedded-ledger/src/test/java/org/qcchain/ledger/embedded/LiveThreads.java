package org.qcchain.ledger.embedded;

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
}
