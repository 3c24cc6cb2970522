package org.qcchain.ledger.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.qcchain.simulator.KeyOrder;
import org.qcchain.simulator.ReadWriteSet;
import org.qcchain.simulator.Version;
import org.qcchain.simulator.Write;

/**
 * Replays the ledger from block 0: validates every ordered transaction again (duplicate id, the
 * creator's membership under the membership of its block, MVCC against the replayed state) and
 * requires the stored code; applies the valid write sets; compares
 * each block's key-history rows (the writes it superseded, numbered in the order they were
 * superseded, chained per key) with its writes, and at the end the state table, tombstones
 * included, with the latest write of every key. Keeps the latest write of every key, its value as
 * a digest ({@link ReplayState}), and every transaction id in a {@link ReplayStore}.
 */
final class ReplayCheck {

    /** Every key written so far, with its latest write: what MVCC, the state table and the chains must say. */
    private final ReplayState replay;
    /** Every transaction id met, and the keys' latest writes. */
    private final ReplayStore store;
    private final MembershipCheck members = new MembershipCheck();
    private long validTransactions;
    private long historyEntries;
    /** The number the next history row must have. */
    private long nextSeq = 1;

    /**
     * A write superseded by a transaction of the block being checked: what history row {@code seq}
     * must hold.
     */
    private record Superseded(long seq, String key, int byTxNumber, ReplayState.Head head) {}

    ReplayCheck(ReplayStore store) {
        this.store = store;
        this.replay = new ReplayState(store);
    }

    /** Revalidates and applies one block, then checks its history rows. */
    void apply(Connection connection, long number, List<TransactionRecord> txs, ChannelMembership membership)
            throws SQLException, LedgerTamperedException {
        List<Superseded> superseded = new ArrayList<>();
        for (TransactionRecord tx : txs) {
            ReadWriteSet rwset;
            ParsedProposal parsed;
            try {
                rwset = tx.readWriteSet();
                parsed = ProposalCodec.decode(tx.proposal().proposalBytesUnsafe());
            } catch (RuntimeException e) {
                throw new LedgerTamperedException(number, "transaction " + tx.txNumber() + " cannot be decoded");
            }
            ValidationCode expected = expectedCode(tx, rwset, parsed, membership);
            if (expected != tx.code()) {
                throw new LedgerTamperedException(number, "transaction " + tx.txNumber() + " (" + tx.txId()
                        + ") is marked " + tx.code() + " but validates as " + expected);
            }
            if (tx.isValid()) {
                // applied before the next transaction validates: it reads what this one wrote
                superseded.addAll(applyWrites(number, tx, parsed.proposal().timestamp(), rwset));
                validTransactions++;
            }
        }
        checkHistory(connection, number, superseded);
    }

    /**
     * Makes a valid transaction's writes the latest of their keys, and returns the writes they
     * supersede in key order, each numbered for its history row.
     */
    private List<Superseded> applyWrites(long number, TransactionRecord tx, Instant time, ReadWriteSet rwset) {
        List<Superseded> superseded = new ArrayList<>();
        Version version = new Version(number, tx.txNumber());
        for (Map.Entry<String, Write> write : rwset.writes().entrySet()) {
            byte[] digest = replay.digest(write.getValue().value());
            long seq = nextSeq; // the history row of the write superseded, if there is one
            ReplayState.Head before = replay.write(write.getKey(), old -> new ReplayState.Head(version, tx.txId(),
                    time, write.getValue().delete(), digest, old == null ? 0 : seq));
            if (before != null) {
                superseded.add(new Superseded(seq, write.getKey(), tx.txNumber(), before));
                nextSeq++;
            }
        }
        return superseded;
    }

    /** What the committer would have decided, in its order: duplicate, membership, MVCC. */
    private ValidationCode expectedCode(TransactionRecord tx, ReadWriteSet rwset, ParsedProposal parsed,
            ChannelMembership membership) {
        if (!store.firstSight(tx.txId())) {
            return ValidationCode.DUPLICATE_TXID;
        }
        ValidationCode member = members.outcome(parsed, membership);
        if (member != ValidationCode.VALID) {
            return member;
        }
        return rwset.findConflict(replay).map(ValidationCode::ofConflictMessage).orElse(ValidationCode.VALID);
    }

    /**
     * The block's history rows are the next numbers, one per valid write that supersedes an earlier
     * write of its key (block, transaction, key order), each holding the superseded write and
     * naming the history row of the write before that.
     */
    private void checkHistory(Connection connection, long number, List<Superseded> superseded)
            throws SQLException, LedgerTamperedException {
        if (superseded.isEmpty()) {
            return;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT history_seq, state_key, block_no, tx_no,"
                + " tx_id, tx_seconds, tx_nanos, is_delete, state_value, previous_seq FROM history"
                + " WHERE history_seq >= ? ORDER BY history_seq")) {
            select.setLong(1, superseded.get(0).seq());
            select.setMaxRows(superseded.size());
            try (ResultSet row = select.executeQuery()) {
                for (Superseded write : superseded) {
                    if (!row.next() || !holds(row, write)) {
                        throw new LedgerTamperedException(number, "the key history does not hold the write"
                                + " transaction " + write.byTxNumber() + " superseded");
                    }
                    historyEntries++;
                }
            }
        }
    }

    /** Whether a history row is the superseded write it must be. */
    private boolean holds(ResultSet row, Superseded write) throws SQLException {
        ReplayState.Head head = write.head();
        return row.getLong(1) == write.seq()
                && new String(row.getBytes(2), UTF_8).equals(write.key())
                && row.getLong(3) == head.version().blockNumber() && row.getInt(4) == head.version().txNumber()
                && row.getString(5).equals(head.txId())
                && row.getLong(6) == head.time().getEpochSecond() && row.getInt(7) == head.time().getNano()
                && row.getBoolean(8) == head.delete()
                && Arrays.equals(replay.digest(row.getBytes(9)), head.digest())
                && row.getLong(10) == head.previous();
    }

    /**
     * After the last block: no history row beyond the replayed writes, and the state table, with
     * its tombstones, as the replay left it; names the earliest block a difference involves.
     */
    long checkState(Connection connection, long height) throws SQLException, LedgerTamperedException {
        try (PreparedStatement select = connection.prepareStatement("SELECT MIN(block_no) FROM history"
                + " WHERE history_seq >= ? OR history_seq < 1")) {
            select.setLong(1, nextSeq);
            try (ResultSet row = select.executeQuery()) {
                if (row.next() && row.getObject(1) != null) {
                    throw new LedgerTamperedException(Math.min(Math.max(row.getLong(1), 0), height - 1),
                            "the key history holds writes no transaction made");
                }
            }
        }
        Mismatch mismatch = new Mismatch();
        Iterator<Map.Entry<String, ReplayState.Head>> expected = replay.inKeyOrder();
        Map.Entry<String, ReplayState.Head> want = expected.hasNext() ? expected.next() : null;
        long liveKeys = 0;
        String previousKey = null;
        try (PreparedStatement select = connection.prepareStatement("SELECT state_key, state_value, block_no, tx_no,"
                + " previous_seq, is_delete, tx_id, tx_seconds, tx_nanos FROM state ORDER BY state_key");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String key = new String(row.getBytes(1), UTF_8);
                long rowBlock = Math.min(Math.max(row.getLong(3), 0), height - 1);
                // the key's index does not enforce uniqueness (the committer inserts only keys it
                // knows to be new): a second row for a key is checked for here, and reported at the
                // block it claims (the earliest block of any finding is the one named)
                if (key.equals(previousKey)) {
                    mismatch.note(rowBlock, "state key '" + key + "' has more than one row");
                    continue;
                }
                previousKey = key;
                // the table and the replay are both in key order: a merge join (mostly of equal
                // keys, which equals tells apart faster than the code-point comparison)
                while (want != null && !want.getKey().equals(key) && KeyOrder.compare(want.getKey(), key) < 0) {
                    mismatch.missing(want.getKey(), want.getValue());
                    want = expected.hasNext() ? expected.next() : null;
                }
                if (want != null && want.getKey().equals(key)) {
                    ReplayState.Head head = want.getValue();
                    if (!Arrays.equals(head.digest(), replay.digest(row.getBytes(2))) || row.getBoolean(6) != head.delete()
                            || row.getLong(5) != head.previous()
                            || !head.version().equals(new Version(row.getLong(3), row.getInt(4)))
                            || !head.txId().equals(row.getString(7)) || row.getLong(8) != head.time().getEpochSecond()
                            || row.getInt(9) != head.time().getNano()) {
                        mismatch.note(Math.min(head.version().blockNumber(), rowBlock), "state key '" + key
                                + "' does not hold what block " + head.version().blockNumber() + " wrote");
                    }
                    liveKeys += head.delete() ? 0 : 1;
                    want = expected.hasNext() ? expected.next() : null;
                } else {
                    mismatch.note(rowBlock, "state key '" + key + "' was never written by a valid transaction");
                }
            }
        }
        while (want != null) {
            mismatch.missing(want.getKey(), want.getValue());
            want = expected.hasNext() ? expected.next() : null;
        }
        mismatch.throwIfAny();
        return liveKeys;
    }

    /** The earliest difference found so far. */
    private static final class Mismatch {
        private long block = Long.MAX_VALUE;
        private String problem;

        void missing(String key, ReplayState.Head want) {
            note(want.version().blockNumber(), "state key '" + key + "' written in block "
                    + want.version().blockNumber() + " is missing");
        }

        void note(long atBlock, String what) {
            if (atBlock < block) {
                block = atBlock;
                problem = what;
            }
        }

        void throwIfAny() throws LedgerTamperedException {
            if (problem != null) {
                throw new LedgerTamperedException(block, problem);
            }
        }
    }

    long validTransactions() {
        return validTransactions;
    }

    long historyEntries() {
        return historyEntries;
    }
}
