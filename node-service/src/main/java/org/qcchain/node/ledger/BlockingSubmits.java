package org.qcchain.node.ledger;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The asynchronous submit of a backend that only has a blocking one: each submit waits on a
 * thread of a shared pool instead of the caller's. The pool grows with the submits in flight
 * (a thread mostly waits for its block), and its threads are daemons, so an idle node keeps none
 * and a stopping JVM is not held.
 */
final class BlockingSubmits {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "qcchain-ledger-submit-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private BlockingSubmits() {}

    static CompletableFuture<Committed> submit(LedgerBackend ledger, LedgerIdentity submitter, String function,
            String... args) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return ledger.submit(submitter, function, args);
            } catch (ChaincodeFailure e) {
                throw new CompletionException(e);
            }
        }, POOL);
    }
}
