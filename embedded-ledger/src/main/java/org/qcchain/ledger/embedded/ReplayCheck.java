package org.qcchain.ledger.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qcchain.simulator.InMemoryStateStore;
import org.qcchain.simulator.KeyOrder;
import org.qcchain.simulator.ReadWriteSet;
import org.qcchain.simulator.Version;
import org.qcchain.simulator.VersionedKeyValue;
import org.qcchain.simulator.Write;

/**
 * Replays the ledger from block 0: validates every ordered transaction again (duplicate id, the
 * creator's membership under the membership of its block, MVCC against the replayed state) and
 * requires the stored code; applies the valid write sets; compares
 * each block's key-history rows with its writes, and at the end the state table with the replay.
 * Holds the replayed state in memory.
 */
final class ReplayCheck {

    private final InMemoryStateStore replay = new InMemoryStateStore();
    private final MembershipCheck members = new MembershipCheck();
    private final Set<String> txIds = new HashSet<>();
    private long validTransactions;
    private long historyEntries;

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

    private void checkHistory(Connection connection, long number, List<TransactionRecord> txs)
            throws SQLException, LedgerTamperedException {
        try (PreparedStatement select = connection.prepareStatement("SELECT state_key, tx_no, tx_id, tx_seconds,"
                + " tx_nanos, is_delete, state_value FROM history WHERE block_no = ? ORDER BY tx_no, state_key")) {
            select.setLong(1, number);
            try (ResultSet row = select.executeQuery()) {
                for (TransactionRecord tx : txs) {
                    if (!tx.isValid()) {
                        continue;
                    }
                    Instant time = ProposalCodec.decode(tx.proposal().proposalBytesUnsafe()).proposal().timestamp();
                    for (Map.Entry<String, Write> write : tx.readWriteSet().writes().entrySet()) {
                        if (!row.next() || !new String(row.getBytes(1), UTF_8).equals(write.getKey())
                                || row.getInt(2) != tx.txNumber() || !row.getString(3).equals(tx.txId())
                                || row.getLong(4) != time.getEpochSecond() || row.getInt(5) != time.getNano()
                                || row.getBoolean(6) != write.getValue().delete()
                                || !Arrays.equals(row.getBytes(7), write.getValue().value())) {
                            throw new LedgerTamperedException(number, "the key history does not match the writes of "
                                    + "transaction " + tx.txNumber());
                        }
                        historyEntries++;
                    }
                }
                if (row.next()) {
                    throw new LedgerTamperedException(number, "the key history holds writes no transaction made");
                }
            }
        }
    }

    /** Compares the state table with the replay; names the earliest block a difference involves. */
    long checkState(Connection connection, long height) throws SQLException, LedgerTamperedException {
        List<VersionedKeyValue> expected = replay.range("", "", 0);
        Mismatch mismatch = new Mismatch();
        int index = 0;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT state_key, state_value, block_no, tx_no FROM state ORDER BY state_key");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String key = new String(row.getBytes(1), UTF_8);
                // the table and the replay are both in key order: a merge join
                while (index < expected.size() && KeyOrder.compare(expected.get(index).key(), key) < 0) {
                    mismatch.missing(expected.get(index++));
                }
                long rowBlock = Math.min(Math.max(row.getLong(3), 0), height - 1);
                if (index < expected.size() && expected.get(index).key().equals(key)) {
                    VersionedKeyValue want = expected.get(index++);
                    if (!Arrays.equals(want.value(), row.getBytes(2))
                            || !want.version().equals(new Version(row.getLong(3), row.getInt(4)))) {
                        mismatch.note(Math.min(want.version().blockNumber(), rowBlock), "state key '" + key
                                + "' does not hold what block " + want.version().blockNumber() + " wrote");
                    }
                } else {
                    mismatch.note(rowBlock, "state key '" + key + "' was never written by a valid transaction");
                }
            }
        }
        while (index < expected.size()) {
            mismatch.missing(expected.get(index++));
        }
        mismatch.throwIfAny();
        return expected.size();
    }

    /** The earliest difference found so far. */
    private static final class Mismatch {
        private long block = Long.MAX_VALUE;
        private String problem;

        void missing(VersionedKeyValue want) {
            note(want.version().blockNumber(), "state key '" + want.key() + "' written in block "
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
