package org.qcchain.node.ledger.embedded;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.crypto.CryptoSuite;
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
 * <p>Keeps about {@value #MAX_TRANSACTIONS} transactions (whole blocks, the newest at least);
 * older evidence is read from the database as before. Also tells a submitter when its block has
 * reached this cache ({@link #afterDelivery}), so that its evidence is found here.
 */
final class RecentBlocks implements LedgerListener {

    /** Covers the blocks of the last second or so at thousands of transactions per second. */
    static final int MAX_TRANSACTIONS = 4096;

    private final CryptoSuite suite;
    private final ArrayDeque<Entry> blocks = new ArrayDeque<>();
    private final Map<String, Located> byTxId = new HashMap<>();
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
            held += committed.transactions().size();
            for (TransactionRecord tx : committed.transactions()) {
                byTxId.put(tx.txId(), new Located(entry, tx.txNumber()));
            }
            while (held > MAX_TRANSACTIONS && blocks.size() > 1) {
                Entry oldest = blocks.removeFirst();
                held -= oldest.committed.transactions().size();
                oldest.committed.transactions().forEach(tx -> byTxId.remove(tx.txId()));
            }
            delivered = Math.max(delivered, committed.block().number());
            Map<Long, List<Runnable>> reached = waiting.headMap(delivered, true);
            reached.values().forEach(due::addAll);
            reached.clear();
        }
        due.forEach(Runnable::run);
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
     * The evidence of a recently committed transaction.
     *
     * @param txId the transaction id
     * @return the evidence, or empty if the transaction is not (or no longer) held here
     */
    Optional<TransactionEvidence> evidence(String txId) {
        Located located;
        synchronized (this) {
            located = byTxId.get(txId);
        }
        return located == null ? Optional.empty()
                : Optional.of(located.entry.evidences(suite).evidence(suite, located.index));
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

    private record Located(Entry entry, int index) {}

    /** A delivered block; its evidence parts are made on first use. */
    private static final class Entry {
        final CommittedBlock committed;
        private TransactionEvidences evidences;

        Entry(CommittedBlock committed) {
            this.committed = committed;
        }

        synchronized TransactionEvidences evidences(CryptoSuite suite) {
            if (evidences == null) {
                evidences = new TransactionEvidences(suite, committed.block(), committed.transactions());
            }
            return evidences;
        }
    }
}
