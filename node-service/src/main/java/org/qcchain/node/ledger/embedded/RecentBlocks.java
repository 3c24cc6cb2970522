package org.qcchain.node.ledger.embedded;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.ledger.embedded.Block;
import org.qcchain.ledger.embedded.CommittedBlock;
import org.qcchain.ledger.embedded.LedgerListener;
import org.qcchain.ledger.embedded.TransactionRecord;

/**
 * The blocks the ledger committed most recently, as its listener hands them over (durable, with
 * all their transactions), so that the evidence of a transaction just committed — the access
 * record of a data request, read a moment after its commit — comes from memory instead of reading
 * the block and its transactions back from the database. The block's tree and header are made
 * once, on the first evidence asked of it.
 *
 * <p>Only the transactions a submitter said it will ask about ({@link #expect}) are kept, and each
 * one's evidence is handed out from memory once: the one who asks a moment after the commit is the
 * request that submitted it. The transaction leaves this cache with its evidence, so neither the
 * data of requests already answered nor the other transactions of their blocks (batches of
 * delivery receipts, tens of KB each) are held here for seconds: they were a large part of what
 * survived each young collection of the heap and had to be copied there. Any other transaction, or
 * one asked for again or after its block left, is read from the database.
 *
 * <p>Keeps the blocks of about the last {@value #MAX_TRANSACTIONS} transactions (whole blocks, the
 * newest at least). Also tells a submitter when its block has reached this cache ({@link
 * #afterDelivery}), so that its evidence is found here.
 */
final class RecentBlocks implements LedgerListener {

    /** Covers the blocks of the last second or so at thousands of transactions per second. */
    static final int MAX_TRANSACTIONS = 4096;

    private final CryptoSuite suite;
    private final ArrayDeque<Entry> blocks = new ArrayDeque<>();
    private final Map<String, Located> byTxId = new HashMap<>();
    /** Transactions submitted and not yet delivered whose evidence will be asked for. */
    private final Set<String> expected = new HashSet<>();
    private final TreeMap<Long, List<Runnable>> waiting = new TreeMap<>();
    private int held;
    private long delivered = -1;
    private boolean closed;

    RecentBlocks(CryptoSuite suite) {
        this.suite = suite;
    }

    /**
     * Notes the ledger's height read after this listener was added: the blocks below it were
     * committed before, may never be delivered here, and nobody is to wait for them.
     */
    synchronized void onHeight(long height) {
        delivered = Math.max(delivered, height - 1);
    }

    @Override
    public void onBlock(CommittedBlock committed) {
        Entry entry = new Entry(committed);
        List<Runnable> due = new ArrayList<>();
        synchronized (this) {
            blocks.addLast(entry);
            held += entry.size;
            List<TransactionRecord> transactions = committed.transactions();
            for (int i = 0; i < transactions.size(); i++) {
                TransactionRecord tx = transactions.get(i);
                if (expected.remove(tx.txId())) {
                    byTxId.put(tx.txId(), new Located(entry, tx, committed.hashedForm(i)));
                    entry.kept.add(tx.txId());
                }
            }
            while (held > MAX_TRANSACTIONS && blocks.size() > 1) {
                Entry oldest = blocks.removeFirst();
                held -= oldest.size;
                oldest.kept.forEach(byTxId::remove);
            }
            delivered = Math.max(delivered, committed.block().number());
            Map<Long, List<Runnable>> reached = waiting.headMap(delivered, true);
            reached.values().forEach(due::addAll);
            reached.clear();
        }
        due.forEach(Runnable::run);
    }

    /**
     * Keeps a transaction when its block arrives, for one call of {@link #evidence}. Called before
     * the transaction is submitted; {@link #forget} it if it is not committed as valid.
     */
    synchronized void expect(String txId) {
        expected.add(txId);
    }

    /** Drops a transaction that was expected and will not be asked about, delivered or not. */
    synchronized void forget(String txId) {
        expected.remove(txId);
        byTxId.remove(txId);
    }

    /**
     * Runs {@code action} once block {@code number} has reached this cache: at once (on this
     * thread) if it has, else on the listener's thread when it arrives, or when the ledger closes.
     */
    void afterDelivery(long number, Runnable action) {
        synchronized (this) {
            if (number > delivered && !closed) {
                waiting.computeIfAbsent(number, n -> new ArrayList<>()).add(action);
                return;
            }
        }
        action.run();
    }

    /**
     * The evidence of a recently committed transaction, which leaves the cache with it.
     *
     * @param txId the transaction id
     * @return the evidence, or empty if the transaction is not (or no longer) held here
     */
    Optional<TransactionEvidence> evidence(String txId) {
        Located located;
        synchronized (this) {
            located = byTxId.remove(txId);
        }
        return located == null ? Optional.empty()
                : Optional.of(located.entry.evidences(suite).evidence(located.tx, located.hashedForm));
    }

    /** Whether the evidence of {@code txId} would come from memory now (for tests). */
    synchronized boolean holds(String txId) {
        return byTxId.containsKey(txId);
    }

    /** Releases every waiter: the ledger closes, and no more blocks will arrive. */
    void close() {
        List<Runnable> due = new ArrayList<>();
        synchronized (this) {
            closed = true;
            waiting.values().forEach(due::addAll);
            waiting.clear();
        }
        due.forEach(Runnable::run);
    }

    /**
     * A transaction whose evidence nobody has taken yet, its block, and its hashed form as the
     * ledger hashed it.
     */
    private record Located(Entry entry, TransactionRecord tx, byte[] hashedForm) {}

    /**
     * A delivered block without its transactions (those are held by {@link Located} until asked
     * for): what its evidence needs, made on first use.
     */
    private static final class Entry {
        final int size;
        /** The ids of the block's transactions kept for their evidence (guarded by RecentBlocks). */
        final List<String> kept = new ArrayList<>(1);
        private final Block block;
        /** The transactions' hashes until the tree is made from them. */
        private List<String> hashes;
        private TransactionEvidences evidences;

        Entry(CommittedBlock committed) {
            this.size = committed.transactions().size();
            this.block = committed.block();
            this.hashes = TransactionEvidences.hashes(committed.transactions());
        }

        synchronized TransactionEvidences evidences(CryptoSuite suite) {
            if (evidences == null) {
                evidences = new TransactionEvidences(suite, block, hashes);
                hashes = null;
            }
            return evidences;
        }
    }
}
