package org.qcchain.ledger.embedded;

/** Waiting for the ledger's own threads to end. */
final class Joins {

    private Joins() {}

    /**
     * Waits until {@code thread} has ended, even if this thread is interrupted meanwhile (the
     * interrupt is kept for the caller): a thread told to stop must not be left running over a
     * database that is about to close.
     */
    static void uninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
