package org.qcchain.ledger.embedded;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The H2 tables of a ledger. Keys are stored as their UTF-8 bytes in {@code VARBINARY}, which H2
 * compares as unsigned bytes: exactly Fabric's key order (by code point), so range scans need no
 * re-sorting. The bulky part of each transaction is in the {@link BlockFile}; {@code transactions}
 * says where. See docs/ledger.md for what each column means.
 */
final class Schema {

    private static final String[] TABLES = {
        "CREATE TABLE IF NOT EXISTS ledger_meta (name VARCHAR(64) PRIMARY KEY,"
                + " meta_value VARCHAR(1000000) NOT NULL)",
        "CREATE TABLE IF NOT EXISTS blocks (block_no BIGINT PRIMARY KEY,"
                + " block_hash BINARY(32) NOT NULL, previous_hash BINARY(32) NOT NULL,"
                + " transactions_root BINARY(32) NOT NULL, committed_at BIGINT NOT NULL,"
                + " genesis VARCHAR(1000000), config VARCHAR(1000000), signature VARBINARY(512) NOT NULL,"
                + " file_end BIGINT NOT NULL)",
        "CREATE UNIQUE INDEX IF NOT EXISTS blocks_by_hash ON blocks(block_hash)",
        "CREATE TABLE IF NOT EXISTS transactions (block_no BIGINT NOT NULL, tx_no INT NOT NULL,"
                + " tx_id VARCHAR(64) NOT NULL, tx_hash BINARY(32) NOT NULL,"
                + " validation_code VARCHAR(40) NOT NULL, file_offset BIGINT NOT NULL, file_length INT NOT NULL,"
                + " tx_key BIGINT NOT NULL, PRIMARY KEY (block_no, tx_no))",
        // looked up by id through a 64-bit key of it (TransactionKeys), not the 64-character id
        "CREATE INDEX IF NOT EXISTS transactions_by_key ON transactions(tx_key)",
        // a key's latest write in full, the newest entry of its history; deleted keys stay as
        // tombstones (is_delete), so that their history keeps its head
        "CREATE TABLE IF NOT EXISTS state (state_key VARBINARY NOT NULL,"
                + " state_value VARBINARY NOT NULL, block_no BIGINT NOT NULL, tx_no INT NOT NULL,"
                + " tx_id VARCHAR(64) NOT NULL, tx_seconds BIGINT NOT NULL, tx_nanos INT NOT NULL,"
                + " is_delete BOOLEAN NOT NULL, previous_seq BIGINT)",
        // not declared unique: the committer inserts only keys it knows to be new, and verify
        // reports a key with two rows; a unique index made H2 search the tree before every insert
        "CREATE INDEX IF NOT EXISTS state_by_key ON state(state_key)",
        // the writes a later write superseded, numbered in the order they were superseded, so every
        // insert appends to the right edge of the tree; a key's entries are chained newest to oldest
        // through previous_seq from the state row, instead of a secondary index that every write
        // would update at a random place. A key written once has no row here.
        "CREATE TABLE IF NOT EXISTS history (history_seq BIGINT PRIMARY KEY, state_key VARBINARY NOT NULL,"
                + " block_no BIGINT NOT NULL, tx_no INT NOT NULL, tx_id VARCHAR(64) NOT NULL,"
                + " tx_seconds BIGINT NOT NULL, tx_nanos INT NOT NULL, is_delete BOOLEAN NOT NULL,"
                + " state_value VARBINARY NOT NULL, previous_seq BIGINT)",
    };

    /**
     * The storage format these tables and the block file make, recorded as {@code storageFormat} in
     * {@code ledger_meta}: 6 = every block framed in {@code blocks.dat} (its signed header, signature
     * and transaction entries, {@link BlockFrame}), so that H2 can be rebuilt from it and stores
     * in the background; format 5 held only the transaction entries there. Both keep a key's latest write in
     * full in {@code state} and only superseded writes in {@code history}, chained per key; the
     * transactions indexed by {@link TransactionKeys a 64-bit key} of their id and the state by a
     * key index not declared unique. Format 4 indexed the transactions by the id itself and made
     * the state key the primary key ({@link StorageUpgrade} turns it into 5 in place). Format 3
     * wrote every write to {@code history} too (most keys are written once: index entries, nonces,
     * access records); format 2 indexed the history by key; format 1 (no such entry) kept the
     * entries in the {@code transactions} table.
     */
    static final int STORAGE_FORMAT = 6;

    private Schema() {}

    /** Creates what is missing, in the connection's transaction (commit it afterwards). */
    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String ddl : TABLES) {
                statement.execute(ddl);
            }
        }
    }
}
