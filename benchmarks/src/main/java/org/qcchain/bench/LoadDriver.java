package org.qcchain.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;
import org.qcchain.ledger.embedded.CommitResult;
import org.qcchain.ledger.embedded.EmbeddedLedger;
import org.qcchain.ledger.embedded.SignedProposal;

/**
 * Submits proposals with a fixed number in flight, as that many concurrent clients would, and
 * times each from submit to the durable-commit acknowledgement (a proposal signed inline is timed
 * from before its signing). The callbacks run on the ledger's
 * committer thread, so they only store what happened; everything else is done afterwards.
 */
final class LoadDriver {

    private final EmbeddedLedger ledger;
    private final int inFlight;
    private final PrintStream progress;

    LoadDriver(EmbeddedLedger ledger, int inFlight, PrintStream progress) {
        this.ledger = ledger;
        this.inFlight = inFlight;
        this.progress = progress;
    }

    /** Submits every proposal and waits for all answers. */
    Load run(String label, List<SignedProposal> proposals) throws InterruptedException {
        return run(label, proposals.size(), proposals::get);
    }

    /**
     * Submits {@code count} proposals, each made by {@code proposals} on this thread just before
     * it is submitted (so its signing is inside the measured time), and waits for all answers.
     */
    Load run(String label, int count, IntFunction<SignedProposal> proposals) throws InterruptedException {
        long[] latencies = new long[count];
        CommitResult[] results = new CommitResult[count];
        Throwable[] failures = new Throwable[count];
        Semaphore permits = new Semaphore(inFlight);
        CountDownLatch done = new CountDownLatch(count);
        int step = Math.max(1, count / 10);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            permits.acquire();
            int index = i;
            long submitted = System.nanoTime();
            ledger.submit(proposals.apply(i)).whenComplete((result, failure) -> {
                latencies[index] = System.nanoTime() - submitted;
                results[index] = result;
                failures[index] = failure;
                permits.release();
                done.countDown();
            });
            if ((i + 1) % step == 0) {
                progress.printf("  %s: %d/%d submitted, %.1f s%n", label, i + 1, count,
                        (System.nanoTime() - start) / 1e9);
            }
        }
        done.await();
        long elapsed = System.nanoTime() - start;
        return new Load(Arrays.asList(results), latencies, Arrays.stream(failures).filter(Objects::nonNull).toList(),
                elapsed);
    }

    /**
     * What a run produced.
     *
     * @param results one per proposal, in submission order ({@code null} where the ledger failed)
     * @param latencyNanos submit to acknowledgement, per proposal
     * @param failures exceptions from the ledger itself
     * @param elapsedNanos from the first submit to the last acknowledgement
     */
    record Load(List<CommitResult> results, long[] latencyNanos, List<Throwable> failures, long elapsedNanos) {}
}
