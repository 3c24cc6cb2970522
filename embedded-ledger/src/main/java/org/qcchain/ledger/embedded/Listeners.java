package org.qcchain.ledger.embedded;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The registered {@link LedgerListener}s and the one thread that calls them, so that the committer
 * never waits for a listener and listeners hear blocks in order.
 */
final class Listeners implements AutoCloseable {

    private static final Logger LOGGER = Logger.getLogger(Listeners.class.getName());

    private final List<LedgerListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "qcchain-ledger-events");
        thread.setDaemon(true);
        return thread;
    });

    Subscription add(LedgerListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void dispatch(CommittedBlock committed) {
        // the listeners registered now, before any submitter of this block hears of it
        List<LedgerListener> current = List.copyOf(listeners);
        if (current.isEmpty()) {
            return;
        }
        try {
            dispatcher.execute(() -> current.forEach(listener -> deliver(listener, committed)));
        } catch (RejectedExecutionException e) {
            // closing: nobody is listening any more
        }
    }

    private static void deliver(LedgerListener listener, CommittedBlock committed) {
        long number = committed.block().number();
        try {
            listener.onBlock(committed);
            for (TransactionRecord tx : committed.transactions()) {
                if (tx.isValid()) {
                    tx.event().ifPresent(event -> listener.onChaincodeEvent(number, event));
                }
            }
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "ledger listener failed on block " + number, e);
        }
    }

    @Override
    public void close() {
        dispatcher.shutdown();
        try {
            dispatcher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
