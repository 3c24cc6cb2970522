package org.qcchain.node.answer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.qcchain.common.answer.AnswerBatch;
import org.qcchain.common.answer.SignedBatch;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.proof.MerkleTree;

/**
 * Signs answers in batches ({@code qcchain-answer/2}): one node signature over an {@link
 * AnswerBatch}, the root of an RFC 6962 tree of the answers' digests, and for each answer its
 * inclusion proof. An ECDSA signature costs the node about as much CPU as a tenth of the rest of
 * an answer; signed in batches it is shared by every answer issued within the window.
 *
 * <p>The first answer to arrive opens a batch, which is signed {@code window} later or as soon as
 * it holds {@code maxBatch} answers, whichever comes first: no answer waits longer than the
 * window plus the signing of batches ahead of it. The window is small against the wait for the
 * request's block, so an idle node answers as fast as before and a busy one signs once for
 * several answers.
 *
 * <pre>{@code
 * signer.sign(AnswerSignatures.digest(unsigned, suite))
 *       .thenApply(signed -> unsigned.signedBy(signed.signature(), signed.batch()));
 * }</pre>
 *
 * <p>Thread-safe. Batches are signed on a thread of its own, in the order they close.
 */
final class AnswerBatchSigner implements AutoCloseable {

    /** How long the first answer of a batch waits for others: a few answers at full load. */
    static final Duration WINDOW = Duration.ofMillis(2);
    /** Answers per batch at most: bounds the proof (8 hashes) and the wait of a burst. */
    static final int MAX_BATCH = 256;

    private static final long CLOSE_WAIT_SECONDS = 10;

    private final Identity node;
    private final CryptoSuite suite;
    private final long windowNanos;
    private final int maxBatch;
    private final ScheduledExecutorService thread;

    private final Object lock = new Object();
    // guarded by lock
    private List<Waiting> open = new ArrayList<>();
    private ScheduledFuture<?> due;
    private boolean closed;

    /**
     * Creates a signer with the node's window and batch size.
     *
     * @param node the node's identity: its key signs the batches
     */
    AnswerBatchSigner(Identity node) {
        this(node, WINDOW, MAX_BATCH);
    }

    AnswerBatchSigner(Identity node, Duration window, int maxBatch) {
        this.node = Objects.requireNonNull(node, "node");
        this.suite = node.suite();
        this.windowNanos = window.toNanos();
        if (maxBatch < 1 || maxBatch > MerkleTree.MAX_LEAVES) {
            throw new IllegalArgumentException("maxBatch must be between 1 and " + MerkleTree.MAX_LEAVES);
        }
        this.maxBatch = maxBatch;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "qcchain-answer-signer");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Puts an answer into the open batch.
     *
     * @param digest the answer's digest ({@link org.qcchain.common.answer.AnswerSignatures#digest}),
     *     the suite's hash length
     * @return completes on the signer's thread with the batch's signature and the answer's place in
     *     it; exceptionally if the signer is closed or the signature failed
     */
    CompletableFuture<Signed> sign(byte[] digest) {
        if (digest.length != suite.hashLength()) {
            throw new IllegalArgumentException("a digest has " + suite.hashLength() + " bytes, not " + digest.length);
        }
        Waiting waiting = new Waiting(digest.clone(), new CompletableFuture<>());
        List<Waiting> full = null;
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("the node is stopping"));
            }
            open.add(waiting);
            if (open.size() >= maxBatch) {
                full = take();
            } else if (open.size() == 1) {
                due = thread.schedule(this::signDue, windowNanos, TimeUnit.NANOSECONDS);
            }
        }
        if (full != null) {
            submit(full);
        }
        return waiting.signed();
    }

    /** The open batch, which a new answer will start afresh; its timer is no longer needed. */
    private List<Waiting> take() {
        List<Waiting> batch = open;
        open = new ArrayList<>();
        if (due != null) {
            due.cancel(false);
            due = null;
        }
        return batch;
    }

    private void signDue() {
        List<Waiting> batch;
        synchronized (lock) {
            batch = take();
        }
        signBatch(batch);
    }

    private void submit(List<Waiting> batch) {
        try {
            thread.execute(() -> signBatch(batch));
        } catch (RejectedExecutionException e) {
            batch.forEach(w -> w.signed().completeExceptionally(new IllegalStateException("the node is stopping", e)));
        }
    }

    private void signBatch(List<Waiting> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            MerkleTree tree = MerkleTree.of(suite, batch.stream().map(Waiting::digest).toList());
            AnswerBatch statement = AnswerBatch.of(tree);
            String signature = Base64.getEncoder().encodeToString(node.sign(statement.signingBytes()));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).signed().complete(new Signed(signature, new SignedBatch(statement, tree.inclusionProof(i))));
            }
        } catch (RuntimeException e) {
            batch.forEach(w -> w.signed().completeExceptionally(e));
        }
    }

    /** Signs the open batch, then stops; answers arriving later are refused. */
    @Override
    public void close() {
        List<Waiting> last;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            last = take();
        }
        submit(last);
        thread.shutdown();
        try {
            thread.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * An answer's share of a batch signature.
     *
     * @param signature base64 node signature over the canonical JSON of {@code batch.batch()}
     * @param batch the statement and the answer's inclusion proof in it
     */
    record Signed(String signature, SignedBatch batch) {}

    private record Waiting(byte[] digest, CompletableFuture<Signed> signed) {}
}
