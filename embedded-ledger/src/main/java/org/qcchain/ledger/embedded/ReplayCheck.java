package org.qcchain.ledger.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
 * each block's key-history rows (numbered in commit order, chained per key) with its writes, and at
 * the end the state table, tombstones included, with the replay. Holds the replayed state and the
 * latest write of every key in memory.
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

    /** A key's latest write: its history row, whether it deleted the key, and its version. */
    private record Head(long seq, boolean delete, Version version) {}

    /** Revalidates and applies one block, then checks its history rows. */
    void apply(Connection connection, long number, List<TransactionRecord> txs, ChannelMembership membership)
            throws SQLException, LedgerTamperedException {
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
                validTransactions++;
            }
        }
        checkHistory(connection, number, txs);
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
     * The block's history rows are the next numbers in commit order, one per valid write (block,
     * transaction, key order), each naming the key's previous row.
     */
    private void checkHistory(Connection connection, long number, List<TransactionRecord> txs)
            throws SQLException, LedgerTamperedException {
        try (PreparedStatement select = connection.prepareStatement("SELECT history_seq, state_key, block_no, tx_no,"
                + " tx_id, tx_seconds, tx_nanos, is_delete, state_value, previous_seq FROM history"
                + " WHERE history_seq >= ? ORDER BY history_seq")) {
            select.setLong(1, nextSeq);
            select.setMaxRows(countWrites(txs));
            try (ResultSet row = select.executeQuery()) {
                for (TransactionRecord tx : txs) {
                    if (!tx.isValid()) {
                        continue;
                    }
                    Instant time = ProposalCodec.decode(tx.proposal().proposalBytesUnsafe()).proposal().timestamp();
                    for (Map.Entry<String, Write> write : tx.readWriteSet().writes().entrySet()) {
                        Head previous = heads.get(write.getKey());
                        if (!row.next() || row.getLong(1) != nextSeq
                                || !new String(row.getBytes(2), UTF_8).equals(write.getKey())
                                || row.getLong(3) != number || row.getInt(4) != tx.txNumber()
                                || !row.getString(5).equals(tx.txId())
                                || row.getLong(6) != time.getEpochSecond() || row.getInt(7) != time.getNano()
                                || row.getBoolean(8) != write.getValue().delete()
                                || !Arrays.equals(row.getBytes(9), write.getValue().value())
                                || row.getLong(10) != (previous == null ? 0 : previous.seq())) {
                            throw new LedgerTamperedException(number, "the key history does not match the writes of "
                                    + "transaction " + tx.txNumber());
                        }
                        heads.put(write.getKey(), new Head(nextSeq, write.getValue().delete(),
                                new Version(number, tx.txNumber())));
                        nextSeq++;
                        historyEntries++;
                    }
                }
            }
        }
    }

    private static int countWrites(List<TransactionRecord> txs) {
        int writes = 0;
        for (TransactionRecord tx : txs) {
            if (tx.isValid()) {
                writes += tx.readWriteSet().writes().size();
            }
        }
        return writes;
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
        try (PreparedStatement select = connection.prepareStatement("SELECT state_key, state_value, block_no, tx_no,"
                + " history_seq, is_delete FROM state ORDER BY state_key");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String key = new String(row.getBytes(1), UTF_8);
                // the table and the replay are both in key order: a merge join
                while (want != null && KeyOrder.compare(want.getKey(), key) < 0) {
                    mismatch.missing(want.getKey(), want.getValue());
                    want = expected.hasNext() ? expected.next() : null;
                }
                long rowBlock = Math.min(Math.max(row.getLong(3), 0), height - 1);
                if (want != null && want.getKey().equals(key)) {
                    Head head = want.getValue();
                    byte[] value = head.delete() ? new byte[0] : replay.get(key).orElseThrow().value();
                    if (!Arrays.equals(value, row.getBytes(2)) || row.getBoolean(6) != head.delete()
                            || row.getLong(5) != head.seq()
                            || !head.version().equals(new Version(row.getLong(3), row.getInt(4)))) {
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
