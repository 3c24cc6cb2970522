package org.qcchain.ledger.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.qcchain.simulator.InMemoryStateStore;
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
 * included, with the latest write of every key. Holds the replayed state and the latest write of
 * every key in memory.
 */
final class ReplayCheck {

    private final InMemoryStateStore replay = new InMemoryStateStore();
    private final MembershipCheck members = new MembershipCheck();
    private final Set<String> txIds = new HashSet<>();
    private long validTransactions;
    private long historyEntries;
    /** Every key written so far, with its latest write: what the state table and the chains must say. */
    private final NavigableMap<String, Head> heads = new TreeMap<>(KeyOrder.COMPARATOR);
    /** The number the next history row must have. */
    private long nextSeq = 1;

    /**
     * A key's latest write, as its state row must hold it.
     *
     * @param previous the history number of the write before it, 0 if none
     */
    private record Head(Version version, String txId, Instant time, boolean delete, byte[] value, long previous) {}

    /** A valid transaction of the block being checked, decoded once. */
    private record ValidTransaction(int txNumber, String txId, Instant time, ReadWriteSet rwset) {}

    /** Revalidates and applies one block, then checks its history rows. */
    void apply(Connection connection, long number, List<TransactionRecord> txs, ChannelMembership membership)
            throws SQLException, LedgerTamperedException {
        List<ValidTransaction> valid = new ArrayList<>(txs.size());
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
                Instant time = parsed.proposal().timestamp();
                replay.apply(rwset, new Version(number, tx.txNumber()), tx.txId(), time);
                valid.add(new ValidTransaction(tx.txNumber(), tx.txId(), time, rwset));
                validTransactions++;
            }
        }
        checkHistory(connection, number, valid);
    }

    /** What the committer would have decided, in its order: duplicate, membership, MVCC. */
    private ValidationCode expectedCode(TransactionRecord tx, ReadWriteSet rwset, ParsedProposal parsed,
            ChannelMembership membership) {
        if (!txIds.add(tx.txId())) {
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
    private void checkHistory(Connection connection, long number, List<ValidTransaction> valid)
            throws SQLException, LedgerTamperedException {
        try (PreparedStatement select = connection.prepareStatement("SELECT history_seq, state_key, block_no, tx_no,"
                + " tx_id, tx_seconds, tx_nanos, is_delete, state_value, previous_seq FROM history"
                + " WHERE history_seq >= ? ORDER BY history_seq")) {
            select.setLong(1, nextSeq);
            // at least 1: 0 would mean no limit (with nothing superseded no row is read anyway)
            select.setMaxRows(Math.max(1, countSuperseding(valid)));
            try (ResultSet row = select.executeQuery()) {
                for (ValidTransaction tx : valid) {
                    for (Map.Entry<String, Write> write : tx.rwset().writes().entrySet()) {
                        Head superseded = heads.get(write.getKey());
                        long previous = 0;
                        if (superseded != null) {
                            if (!row.next() || !holds(row, nextSeq, write.getKey(), superseded)) {
                                throw new LedgerTamperedException(number, "the key history does not hold the write"
                                        + " transaction " + tx.txNumber() + " superseded");
                            }
                            previous = nextSeq++;
                            historyEntries++;
                        }
                        heads.put(write.getKey(), new Head(new Version(number, tx.txNumber()), tx.txId(), tx.time(),
                                write.getValue().delete(), write.getValue().value(), previous));
                    }
                }
            }
        }
    }

    /** Whether a history row is the superseded write {@code head} of {@code key}, numbered {@code seq}. */
    private static boolean holds(ResultSet row, long seq, String key, Head head) throws SQLException {
        return row.getLong(1) == seq
                && new String(row.getBytes(2), UTF_8).equals(key)
                && row.getLong(3) == head.version().blockNumber() && row.getInt(4) == head.version().txNumber()
                && row.getString(5).equals(head.txId())
                && row.getLong(6) == head.time().getEpochSecond() && row.getInt(7) == head.time().getNano()
                && row.getBoolean(8) == head.delete()
                && Arrays.equals(row.getBytes(9), head.value())
                && row.getLong(10) == head.previous();
    }

    /** How many of the block's valid writes supersede an earlier write of their key. */
    private int countSuperseding(List<ValidTransaction> valid) {
        Set<String> writtenInBlock = new HashSet<>();
        int superseding = 0;
        for (ValidTransaction tx : valid) {
            for (String key : tx.rwset().writes().keySet()) {
                if (!writtenInBlock.add(key) || heads.containsKey(key)) {
                    superseding++;
                }
            }
        }
        return superseding;
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
        Iterator<Map.Entry<String, Head>> expected = heads.entrySet().iterator();
        Map.Entry<String, Head> want = expected.hasNext() ? expected.next() : null;
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
                // the table and the replay are both in key order: a merge join
                while (want != null && KeyOrder.compare(want.getKey(), key) < 0) {
                    mismatch.missing(want.getKey(), want.getValue());
                    want = expected.hasNext() ? expected.next() : null;
                }
                if (want != null && want.getKey().equals(key)) {
                    Head head = want.getValue();
                    if (!Arrays.equals(head.value(), row.getBytes(2)) || row.getBoolean(6) != head.delete()
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

        void missing(String key, Head want) {
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
