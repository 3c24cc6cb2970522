package org.qcchain.node.answer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.qcchain.chaincode.model.DeliveryReceipt;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.node.answer.DeliveryOutbox.Receipt;
import org.qcchain.node.answer.DeliveryOutbox.Refused;
import org.qcchain.node.ledger.Committed;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerIdentity;

/**
 * Records the delivery receipt of every answer the node sends, without holding the request: a
 * receipt is first {@linkplain #keep kept} in the {@link DeliveryOutbox} (durably, several
 * receipts per disk sync), then the answer may leave, and the receipts owed are recorded on the
 * ledger in the background, many per {@code Access:recordDeliveries} transaction, at most {@value
 * #MAX_IN_FLIGHT} transactions at a time. While those are in flight the next receipts gather, so
 * the batches grow with the load: one receipt alone when the node is idle, hundreds per
 * transaction when it is busy.
 *
 * <p>At start the receipts a stop or a crash left in the outbox are recorded first. A receipt the
 * ledger holds already with the same hash (recorded just before a crash, before the outbox heard
 * of it) counts as recorded; one the chaincode refuses for good stays in the outbox, marked
 * failed, and is logged. A failing ledger is retried with a growing pause; no receipt is dropped.
 * {@link #close} records what it can within a bounded time; the rest waits in the outbox.
 *
 * <p>Thread-safe. The outbox and the queue of owed receipts belong to one thread of its own.
 */
public final class DeliveryRecorder implements AutoCloseable {

    /** Receipts per transaction, within the chaincode's limit ({@code AccessContract.MAX_RECEIPTS}). */
    static final int MAX_BATCH = 250;
    /** Receipt transactions in flight at once. */
    static final int MAX_IN_FLIGHT = 2;
    static final String FUNCTION = "Access:recordDeliveries";

    private static final System.Logger LOG = System.getLogger(DeliveryRecorder.class.getName());
    private static final long FIRST_RETRY_MILLIS = 200;
    private static final long LAST_RETRY_MILLIS = 30_000;
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final LedgerBackend ledger;
    private final LedgerIdentity node;
    private final DeliveryOutbox outbox;
    private final ScheduledExecutorService thread;
    private final ConcurrentLinkedQueue<Waiting> incoming = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean keepScheduled = new AtomicBoolean();
    private volatile boolean closed;

    // confined to the recorder's thread
    private final ArrayDeque<Receipt> owed = new ArrayDeque<>();
    private int inFlight;
    private int inFlightReceipts;
    private boolean retryScheduled;
    private long retryMillis;
    private CompletableFuture<Void> idleWaiter;

    private DeliveryRecorder(LedgerBackend ledger, LedgerIdentity node, DeliveryOutbox outbox) {
        this.ledger = ledger;
        this.node = node;
        this.outbox = outbox;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "qcchain-deliveries");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens the outbox in {@code folder} and starts recording what it holds.
     *
     * @param folder the outbox's folder (the node's {@code deliveries/})
     * @param ledger the ledger
     * @param node who records: the node that submitted the requests
     * @return the recorder
     */
    public static DeliveryRecorder open(Path folder, LedgerBackend ledger, LedgerIdentity node) {
        DeliveryRecorder recorder = new DeliveryRecorder(Objects.requireNonNull(ledger, "ledger"),
                Objects.requireNonNull(node, "node"), DeliveryOutbox.open(Objects.requireNonNull(folder, "folder")));
        recorder.thread.execute(recorder::replay);
        return recorder;
    }

    /**
     * The receipts an outbox holds while no node records them (for {@code qcchain verify}, which
     * records nothing): read without starting a recorder. A torn entry a crash left at the end is
     * cut off, as at every opening.
     *
     * @param folder the outbox's folder (the node's {@code deliveries/}); none means nothing owed
     * @return the counts, {@code owed} and {@code failed}, as {@link #backlog()} gives them
     * @throws IllegalStateException if the outbox cannot be read or a node holds it
     */
    public static Map<String, Integer> backlogAtRest(Path folder) {
        if (!Files.isDirectory(Objects.requireNonNull(folder, "folder"))) {
            return Map.of("owed", 0, "failed", 0);
        }
        try (DeliveryOutbox outbox = DeliveryOutbox.open(folder)) {
            return Map.of("owed", outbox.pending().size(), "failed", outbox.failed().size());
        }
    }

    /**
     * Keeps a receipt durably; it is recorded on the ledger afterwards.
     *
     * @param accessId the granted access
     * @param answerHash the hash of the answer about to be sent
     * @return completes once the receipt is on the disk (then send the answer); exceptionally if it
     *     could not be written or the recorder is closed (then send nothing)
     */
    public CompletableFuture<Void> keep(String accessId, String answerHash) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the node is stopping"));
        }
        Waiting waiting = new Waiting(new Receipt(accessId, answerHash), new CompletableFuture<>());
        incoming.add(waiting);
        if (keepScheduled.compareAndSet(false, true)) {
            try {
                thread.execute(this::keepIncoming);
            } catch (RejectedExecutionException e) {
                incoming.remove(waiting);
                waiting.kept().completeExceptionally(new IllegalStateException("the node is stopping", e));
            }
        }
        return waiting.kept();
    }

    /**
     * Receipts kept but not yet on the ledger, and those the chaincode refused for good.
     *
     * @return completes with the counts, {@code owed} (in the queue and in flight) and {@code failed}
     */
    public CompletableFuture<Map<String, Integer>> backlog() {
        return CompletableFuture.supplyAsync(() -> {
            Map<String, Integer> counts = new HashMap<>();
            counts.put("owed", owed.size() + inFlightReceipts + incoming.size());
            counts.put("failed", outbox.failed().size());
            return counts;
        }, thread);
    }

    private void replay() {
        List<Receipt> left = outbox.pending();
        if (!left.isEmpty()) {
            LOG.log(Level.INFO, "recording " + left.size() + " delivery receipt(s) left from the last run");
            owed.addAll(left);
            submitNext();
        }
    }

    private void keepIncoming() {
        keepScheduled.set(false);
        List<Waiting> batch = new ArrayList<>();
        for (Waiting next = incoming.poll(); next != null; next = incoming.poll()) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        List<Receipt> receipts = batch.stream().map(Waiting::receipt).toList();
        try {
            outbox.keep(receipts);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.ERROR, "cannot keep " + receipts.size() + " delivery receipt(s); their answers are not sent", e);
            batch.forEach(w -> w.kept().completeExceptionally(e));
            return;
        }
        owed.addAll(receipts);
        batch.forEach(w -> w.kept().complete(null));
        submitNext();
    }

    private void submitNext() {
        while (!owed.isEmpty() && inFlight < MAX_IN_FLIGHT && !retryScheduled) {
            List<Receipt> batch = new ArrayList<>();
            while (!owed.isEmpty() && batch.size() < MAX_BATCH) {
                batch.add(owed.poll());
            }
            inFlight++;
            inFlightReceipts += batch.size();
            String receipts = Json.write(batch.stream()
                    .map(r -> new DeliveryReceipt(r.accessId(), r.answerHash())).toList());
            CompletableFuture<Committed> submitted;
            try {
                submitted = ledger.submitAsync(node, FUNCTION, receipts);
            } catch (RuntimeException e) {
                submitted = CompletableFuture.failedFuture(e);
            }
            submitted.whenCompleteAsync((committed, error) -> settle(batch, committed, error), thread);
        }
        checkIdle();
    }

    private void settle(List<Receipt> batch, Committed committed, Throwable error) {
        inFlight--;
        inFlightReceipts -= batch.size();
        if (error != null) {
            for (int i = batch.size() - 1; i >= 0; i--) {
                owed.addFirst(batch.get(i));
            }
            retryLater(error);
            return;
        }
        retryMillis = 0;
        List<String> recorded = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        Map<String, String> hashes = new HashMap<>();
        batch.forEach(r -> hashes.put(r.accessId(), r.answerHash()));
        for (JsonNode outcome : Json.tree(committed.payload())) {
            String accessId = outcome.path("accessId").asText();
            String code = outcome.path("code").asText();
            if (outcome.path("recorded").asBoolean()
                    || ErrorCode.DELIVERY_ALREADY_RECORDED.code().equals(code)
                    && outcome.path("answerHash").asText().equals(hashes.get(accessId))) {
                recorded.add(accessId);
            } else {
                String problem = code + ": " + outcome.path("message").asText();
                LOG.log(Level.WARNING, "the ledger refused the delivery receipt of access " + accessId + ": "
                        + problem + "; it stays in the outbox, marked failed");
                refused.add(new Refused(accessId, problem));
            }
        }
        try {
            outbox.settle(recorded, refused);
        } catch (IOException e) {
            // the receipts stay owed: replayed at the next start, the ledger answers "recorded before"
            LOG.log(Level.WARNING, "cannot settle " + batch.size() + " recorded delivery receipt(s) in the outbox", e);
        }
        submitNext();
    }

    private void retryLater(Throwable error) {
        retryMillis = Math.min(LAST_RETRY_MILLIS, Math.max(FIRST_RETRY_MILLIS, retryMillis * 2));
        Throwable cause = error.getCause() != null && error instanceof java.util.concurrent.CompletionException
                ? error.getCause() : error;
        LOG.log(Level.WARNING, "recording " + owed.size() + " delivery receipt(s) failed (" + cause.getMessage()
                + "); retrying in " + retryMillis + " ms");
        if (!retryScheduled && !thread.isShutdown()) {
            retryScheduled = true;
            thread.schedule(() -> {
                retryScheduled = false;
                submitNext();
            }, retryMillis, TimeUnit.MILLISECONDS);
        }
        checkIdle();
    }

    private void checkIdle() {
        if (idleWaiter != null && (owed.isEmpty() && inFlight == 0 || retryScheduled)) {
            idleWaiter.complete(null);
            idleWaiter = null;
        }
    }

    /**
     * Stops taking receipts, records those owed within a bounded time, and closes the outbox; the
     * receipts left are recorded at the next start. Close it before the ledger.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        CompletableFuture<Void> idle = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                keepIncoming();
                idleWaiter = idle;
                checkIdle();
            });
            idle.get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            LOG.log(Level.WARNING, "delivery receipts still owed at stop stay in the outbox for the next start");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            thread.submit(outbox::close).get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            LOG.log(Level.WARNING, "the delivery outbox did not close cleanly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.shutdownNow();
        // a receipt that raced with the stop is not kept, so its answer is not sent
        for (Waiting late = incoming.poll(); late != null; late = incoming.poll()) {
            late.kept().completeExceptionally(new IllegalStateException("the node is stopping"));
        }
    }

    private record Waiting(Receipt receipt, CompletableFuture<Void> kept) {}
}
