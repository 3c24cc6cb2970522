package org.qcchain.ledger.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.qcchain.simulator.ChaincodeEventRecord;

/**
 * Reads blocks and transactions back from their tables, on whatever connection it is given, and
 * each transaction's entry from the block file where the {@code transactions} row points.
 */
final class BlockReader {

    private static final HexFormat HEX = HexFormat.of();
    private static final String BLOCK_COLUMNS = "SELECT block_no, block_hash, previous_hash,"
            + " transactions_root, committed_at, genesis, config, signature FROM blocks";
    private static final String TX_COLUMNS = "SELECT block_no, tx_no, tx_id, tx_hash, validation_code, file_offset,"
            + " file_length FROM transactions";

    private final String chaincode;
    private final BlockFile blockFile;

    BlockReader(String chaincode, BlockFile blockFile) {
        this.chaincode = chaincode;
        this.blockFile = blockFile;
    }

    /** Where a block's entries lie in the block file: each entry's offset and length, and the block's end. */
    record Layout(long[] offsets, int[] lengths, long end) {}

    /** The head of the block frame at {@code position} of the block file, if a whole one is there. */
    Optional<BlockFrame> frameHeadAt(long position) {
        return blockFile.headAt(position);
    }

    /** The layout of block {@code number}'s entries, as its rows record it. */
    static Layout layout(Connection connection, long number) throws SQLException {
        long end;
        try (PreparedStatement select = connection.prepareStatement("SELECT file_end FROM blocks WHERE block_no = ?")) {
            select.setLong(1, number);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("block " + number + " is missing");
                }
                end = row.getLong(1);
            }
        }
        List<long[]> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT file_offset, file_length FROM transactions WHERE block_no = ? ORDER BY tx_no")) {
            select.setLong(1, number);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    entries.add(new long[] {row.getLong(1), row.getInt(2)});
                }
            }
        }
        return new Layout(entries.stream().mapToLong(e -> e[0]).toArray(),
                entries.stream().mapToInt(e -> (int) e[1]).toArray(), end);
    }

    /** The number of blocks; 0 only before the genesis block is written. */
    static long height(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT MAX(block_no) FROM blocks");
                ResultSet row = select.executeQuery()) {
            row.next();
            long max = row.getLong(1);
            return row.wasNull() ? 0 : max + 1;
        }
    }

    static Optional<Block> block(Connection connection, long number) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(BLOCK_COLUMNS + " WHERE block_no = ?")) {
            select.setLong(1, number);
            return readBlock(connection, select);
        }
    }

    static Optional<Block> blockByHash(Connection connection, byte[] hash) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(BLOCK_COLUMNS + " WHERE block_hash = ?")) {
            select.setBytes(1, hash);
            return readBlock(connection, select);
        }
    }

    /** The membership updates of every config block, in block order. */
    static List<MembershipUpdate> membershipUpdates(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT config FROM blocks WHERE config IS NOT NULL ORDER BY block_no");
                ResultSet row = select.executeQuery()) {
            List<MembershipUpdate> updates = new ArrayList<>();
            while (row.next()) {
                updates.add(MembershipUpdate.fromJson(row.getString(1)));
            }
            return updates;
        }
    }

    List<TransactionRecord> transactions(Connection connection, long blockNumber) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                TX_COLUMNS + " WHERE block_no = ? ORDER BY tx_no")) {
            select.setLong(1, blockNumber);
            return readTransactions(select);
        }
    }

    /** The first ordered transaction with this id (a later duplicate is marked DUPLICATE_TXID). */
    Optional<TransactionRecord> transaction(Connection connection, String txId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                TX_COLUMNS + " WHERE tx_key = ? AND tx_id = ? ORDER BY block_no, tx_no LIMIT 1")) {
            select.setLong(1, TransactionKeys.of(txId));
            select.setString(2, txId);
            return readTransactions(select).stream().findFirst();
        }
    }

    static boolean transactionExists(Connection connection, String txId) throws SQLException {
        PreparedStatement select = Statements.prepare(connection,
                "SELECT 1 FROM transactions WHERE tx_key = ? AND tx_id = ? LIMIT 1");
        select.setLong(1, TransactionKeys.of(txId));
        select.setString(2, txId);
        try (ResultSet row = select.executeQuery()) {
            return row.next();
        }
    }

    private static Optional<Block> readBlock(Connection connection, PreparedStatement select) throws SQLException {
        try (ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            long number = row.getLong(1);
            String genesis = row.getString(6);
            String config = row.getString(7);
            return Optional.of(new Block(number, HEX.formatHex(row.getBytes(3)), HEX.formatHex(row.getBytes(4)),
                    Instant.ofEpochMilli(row.getLong(5)), validationCodes(connection, number),
                    Optional.ofNullable(genesis).map(GenesisConfig::fromJson),
                    Optional.ofNullable(config).map(MembershipUpdate::fromJson), HEX.formatHex(row.getBytes(2)),
                    row.getBytes(8)));
        }
    }

    private static List<ValidationCode> validationCodes(Connection connection, long number) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT validation_code FROM transactions WHERE block_no = ? ORDER BY tx_no")) {
            select.setLong(1, number);
            List<ValidationCode> codes = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    codes.add(ValidationCode.valueOf(row.getString(1)));
                }
            }
            return codes;
        }
    }

    /** The entry a row points to, which must be this transaction's. */
    private TransactionData entry(long block, String txId, long offset, int length) {
        TransactionData data;
        try {
            data = blockFile.read(offset, length);
        } catch (IllegalArgumentException e) {
            throw new LedgerException("block " + block + ", transaction " + txId + ": " + BlockFile.NAME + " at "
                    + offset + ": " + e.getMessage(), e);
        }
        if (!data.txId().equals(txId)) {
            throw new LedgerException("block " + block + ": " + BlockFile.NAME + " at " + offset + " holds transaction "
                    + data.txId() + ", not " + txId);
        }
        return data;
    }

    private List<TransactionRecord> readTransactions(PreparedStatement select) throws SQLException {
        List<TransactionRecord> records = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                long block = row.getLong(1);
                String txId = row.getString(3);
                TransactionData data = entry(block, txId, row.getLong(6), row.getInt(7));
                Optional<ChaincodeEventRecord> event = data.eventName() == null ? Optional.empty()
                        : Optional.of(new ChaincodeEventRecord(chaincode, txId, data.eventName(),
                                data.eventPayload() == null ? new byte[0] : data.eventPayload()));
                records.add(new TransactionRecord(txId, block, row.getInt(2),
                        SignedProposal.of(data.proposal(), data.signature()), data.rwset(), data.status(),
                        data.message(), data.payload(), event, ValidationCode.valueOf(row.getString(5)),
                        HEX.formatHex(row.getBytes(4))));
            }
        }
        return records;
    }
}
