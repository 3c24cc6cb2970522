package org.qcchain.node.answer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qcchain.node.answer.ReceiptJournal.Entry;
import org.qcchain.node.answer.ReceiptJournal.Kind;

/**
 * The delivery receipts that the node owes the ledger, in a journal file of its own ({@code
 * <dataDir>/deliveries/outbox.log}, {@link ReceiptJournal}): a receipt is appended there, and the
 * file forced to the disk, before its answer leaves the node; once the ledger holds it, that is
 * appended too. Whatever a stop or a crash leaves owed is recorded at the next start, so no answer
 * sent goes without its receipt. The receipts owed are also held in memory, oldest first; when the
 * journal has grown to {@link #compactAt} bytes and mostly holds receipts that were settled, it is
 * rewritten with those still owed or failed.
 *
 * <p>A receipt the chaincode refuses for good (not the node's request, a denial, an unknown
 * access) is kept, marked failed with the chaincode's reason, for the operator to see; it is never
 * retried. Settling is not forced: if a crash loses it, the receipt is sent again and the ledger
 * answers that it holds it already, which counts as recorded.
 *
 * <p>An earlier node kept the outbox in an H2 database ({@code outbox.mv.db}); its receipts are
 * moved into the journal when the outbox is first opened ({@link H2OutboxImport}). A second process
 * cannot open an outbox in use ({@code outbox.lock}).
 *
 * <p>Not thread-safe: one thread (the {@link DeliveryRecorder}'s) uses it.
 */
final class DeliveryOutbox implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DeliveryOutbox.class.getName());

    /** The journal's file name in the outbox's folder. */
    static final String JOURNAL = "outbox.log";
    /** The journal is compacted from this size on (when settled receipts make most of it). */
    static final long DEFAULT_COMPACT_AT = 16L << 20;

    /**
     * A receipt held: owed while {@code problem} is null, failed for good otherwise; {@code bytes}
     * is what its entries take in a compacted journal.
     */
    private record Held(String answerHash, String problem, int bytes) {}

    private final Path folder;
    private final long compactAt;
    private final FileChannel lockFile;
    private final FileLock lock;
    private final Map<String, Held> held = new LinkedHashMap<>();
    /** The sum of the held receipts' {@code bytes}: the size of a compacted journal, near enough. */
    private long heldBytes;
    private ReceiptJournal journal;
    /** Set when a failed write could not be cut back: the journal may hold receipts never confirmed. */
    private IOException broken;

    private DeliveryOutbox(Path folder, long compactAt, FileChannel lockFile, FileLock lock) {
        this.folder = folder;
        this.compactAt = compactAt;
        this.lockFile = lockFile;
        this.lock = lock;
    }

    /**
     * Opens or creates the outbox in {@code folder}.
     *
     * @param folder the outbox's folder, made if absent
     * @return the outbox
     */
    static DeliveryOutbox open(Path folder) {
        return open(folder, DEFAULT_COMPACT_AT);
    }

    /** {@link #open(Path)}, compacting the journal from {@code compactAt} bytes on. */
    static DeliveryOutbox open(Path folder, long compactAt) {
        FileChannel lockFile = null;
        try {
            Files.createDirectories(folder);
            lockFile = FileChannel.open(folder.resolve("outbox.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockFile.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IOException("it is in use (" + folder.resolve("outbox.lock") + " is locked)");
            }
            DeliveryOutbox outbox = new DeliveryOutbox(folder, compactAt, lockFile, lock);
            outbox.load();
            return outbox;
        } catch (IOException | RuntimeException e) {
            closeQuietly(lockFile);
            throw new IllegalStateException("cannot open the delivery outbox in " + folder + ": " + e.getMessage(), e);
        }
    }

    private void load() throws IOException {
        Path file = folder.resolve(JOURNAL);
        H2OutboxImport.moveInto(folder, file);
        ReceiptJournal.Opened opened = ReceiptJournal.open(file);
        journal = opened.journal();
        if (opened.cutBytes() > 0) {
            LOG.log(System.Logger.Level.WARNING, "the delivery outbox ended in " + opened.cutBytes()
                    + " byte(s) of an entry a crash interrupted (never confirmed); cut off");
        }
        opened.entries().forEach(this::apply);
    }

    /**
     * Keeps receipts and forces them to the disk; they count only if this returns. A receipt for an
     * access that is here already replaces it (the node sends one answer per access, so this does
     * not happen).
     *
     * @param receipts the receipts
     * @throws IOException if they could not be kept (then none of them is)
     */
    void keep(List<Receipt> receipts) throws IOException {
        if (broken != null) {
            throw new IOException("the delivery outbox failed earlier and takes no receipts until the node restarts",
                    broken);
        }
        List<Entry> entries = receipts.stream()
                .map(r -> new Entry(Kind.KEPT, r.accessId(), r.answerHash())).toList();
        long before = journal.size();
        try {
            journal.append(entries);
            journal.force();
        } catch (IOException e) {
            // the entries may be in the file, whole or in part, without being confirmed: cut them
            // off, or take no more (a later append could leave some of them whole behind its end)
            try {
                journal.truncate(before);
            } catch (IOException cut) {
                e.addSuppressed(cut);
                broken = e;
            }
            throw e;
        }
        entries.forEach(this::apply);
    }

    /** @return every receipt still owed to the ledger, oldest first */
    List<Receipt> pending() {
        List<Receipt> pending = new ArrayList<>();
        held.forEach((accessId, receipt) -> {
            if (receipt.problem() == null) {
                pending.add(new Receipt(accessId, receipt.answerHash()));
            }
        });
        return pending;
    }

    /**
     * Settles receipts: removes those the ledger holds, marks those it refused for good. Not
     * forced (see the class comment).
     *
     * @param recorded the accesses whose receipts are on the ledger
     * @param refused the receipts refused for good, with the chaincode's reason
     */
    void settle(List<String> recorded, List<Refused> refused) throws IOException {
        List<Entry> entries = new ArrayList<>(recorded.size() + refused.size());
        recorded.forEach(accessId -> entries.add(new Entry(Kind.RECORDED, accessId, null)));
        refused.forEach(r -> entries.add(new Entry(Kind.FAILED, r.accessId(), r.problem().length() > 2000
                ? r.problem().substring(0, 2000) : r.problem())));
        if (broken != null) {
            throw new IOException("the delivery outbox failed earlier", broken);
        }
        // if this fails, entries left in the file are still true: these receipts are on the ledger
        journal.append(entries);
        entries.forEach(this::apply);
        if (journal.size() >= compactAt && liveEntriesAreFew()) {
            compact();
        }
    }

    /** @return the receipts refused for good, with their reasons */
    List<Refused> failed() {
        List<Refused> failed = new ArrayList<>();
        held.forEach((accessId, receipt) -> {
            if (receipt.problem() != null) {
                failed.add(new Refused(accessId, receipt.problem()));
            }
        });
        return failed;
    }

    /** The journal's length in bytes (for tests). */
    long journalBytes() {
        return journal.size();
    }

    @Override
    public void close() {
        try {
            journal.close();
        } catch (IOException e) {
            // every receipt kept was forced before; closing cannot lose one
        }
        try {
            lock.release();
        } catch (IOException e) {
            // released with the channel below
        }
        closeQuietly(lockFile);
    }

    private void apply(Entry entry) {
        Held before = held.get(entry.accessId());
        Held after = switch (entry.kind()) {
            case KEPT -> new Held(entry.text(), null, ReceiptJournal.length(entry));
            case RECORDED -> null;
            case FAILED -> before == null ? null
                    : new Held(before.answerHash(), entry.text(), before.bytes() + ReceiptJournal.length(entry));
        };
        if (before != null) {
            heldBytes -= before.bytes();
        }
        if (after == null) {
            held.remove(entry.accessId());
        } else {
            held.put(entry.accessId(), after);
            heldBytes += after.bytes();
        }
    }

    /**
     * Whether what is still held would take less than half of the journal: compacting then costs
     * at most as many bytes as were appended since the last compaction.
     */
    private boolean liveEntriesAreFew() {
        return 2 * heldBytes < journal.size();
    }

    /** Rewrites the journal with the receipts still held; on failure goes on with the old one. */
    private void compact() throws IOException {
        List<Entry> entries = new ArrayList<>(held.size());
        held.forEach((accessId, receipt) -> {
            entries.add(new Entry(Kind.KEPT, accessId, receipt.answerHash()));
            if (receipt.problem() != null) {
                entries.add(new Entry(Kind.FAILED, accessId, receipt.problem()));
            }
        });
        Path file = journal.file();
        journal.force();
        journal.close();
        IOException failure = null;
        try {
            ReceiptJournal.rewrite(file, entries);
        } catch (IOException e) {
            failure = e;
        }
        // the old journal or the new one, each whole; reopened either way
        try {
            journal = ReceiptJournal.open(file).journal();
        } catch (IOException e) {
            broken = e;
            throw e;
        }
        if (failure != null) {
            LOG.log(System.Logger.Level.WARNING, "could not compact the delivery outbox; it goes on growing", failure);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written through it
        }
    }

    /**
     * A receipt owed to the ledger.
     *
     * @param accessId the access record of the grant
     * @param answerHash the hash of the answer sent
     */
    record Receipt(String accessId, String answerHash) {}

    /**
     * A receipt the chaincode refused for good.
     *
     * @param accessId the access
     * @param problem the chaincode's code and reason
     */
    record Refused(String accessId, String problem) {}
}
